package app.facet.core.imaging;

import app.facet.core.testing.SharedMaterial;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCompletenessTest {

    @Test
    void jpegWithDataAfterTheEndMarkerIsComplete() throws Exception {
        byte[] jpeg = Files.readAllBytes(SharedMaterial.photo("people/barack_obama/obama.jpg"));
        byte[] motionPhoto = Arrays.copyOf(jpeg, jpeg.length + 5000); // like a phone's motion photo: a video appended after EOI
        for (int i = jpeg.length; i < motionPhoto.length; i++) {
            motionPhoto[i] = (byte) (i * 31);
        }
        assertThat(StreamCompleteness.isComplete(ImageFormat.JPEG, jpeg)).isTrue();
        assertThat(StreamCompleteness.isComplete(ImageFormat.JPEG, motionPhoto)).isTrue();
        assertThat(StreamCompleteness.isComplete(ImageFormat.JPEG, Arrays.copyOf(jpeg, jpeg.length - 2))).isFalse();
        assertThat(StreamCompleteness.isComplete(ImageFormat.JPEG, Arrays.copyOf(jpeg, 2000))).isFalse();
    }

    @Test
    void pngNeedsItsEndChunk() throws Exception {
        byte[] png = Files.readAllBytes(SharedMaterial.photo("edge/32bit.png"));
        assertThat(StreamCompleteness.isComplete(ImageFormat.PNG, png)).isTrue();
        assertThat(StreamCompleteness.isComplete(ImageFormat.PNG, Arrays.copyOf(png, png.length - 12))).isFalse();
    }

    @Test
    void reductionKeepsTheDecodedLongSideAtOrAboveWhatDetectionNeeds() {
        ImageHeader twelveMp = new ImageHeader(ImageFormat.JPEG, 4000, 3000, null, null);
        assertThat(PhotoDecoder.reductionFor(twelveMp, 1280)).isEqualTo(2);
        assertThat(PhotoDecoder.reductionFor(twelveMp, 640)).isEqualTo(4);
        assertThat(PhotoDecoder.reductionFor(twelveMp, 4000)).isEqualTo(1);
        assertThat(PhotoDecoder.reductionFor(new ImageHeader(ImageFormat.JPEG, 12000, 8000, null, null), 1280)).isEqualTo(8);
        assertThat(PhotoDecoder.reductionFor(new ImageHeader(ImageFormat.PNG, 4000, 3000, null, null), 640)).as("only JPEG decodes reduced").isEqualTo(1);
    }
}
