package app.facet.core.analysis;

import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.model.BoundingBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * A camera stores a portrait photo sideways and says so in EXIF. We store the upright picture rotated the other
 * way plus the Orientation tag, and expect the analysis of that file to equal the analysis of the upright file:
 * same oriented size, same face boxes (so every stored coordinate is in the oriented image).
 */
class ExifOrientationTest {

    private static OpenCvPhotoAnalyzer analyzer;

    @TempDir
    static Path dir;

    @BeforeAll
    static void open() {
        analyzer = TestAnalyzers.withEmbeddings();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @ParameterizedTest(name = "orientation {1} on {0}")
    @CsvSource({
            "groups/two_people.jpg, 6", "groups/two_people.jpg, 8", "groups/two_people.jpg, 3",
            "people/barack_obama/obama.jpg, 6", "people/barack_obama/obama.jpg, 8", "people/barack_obama/obama.jpg, 3"})
    void facesAreFoundAtTheirOrientedPositions(String photo, int orientation) throws Exception {
        Mat upright = imread(SharedMaterial.photo(photo).toString(), IMREAD_COLOR);
        Path uprightFile = dir.resolve("upright-" + orientation + ".jpg");
        Files.write(uprightFile, TestImages.jpeg(upright, 95));

        // stored pixels = upright turned so that applying the EXIF orientation turns them back
        Mat stored = new Mat();
        switch (orientation) {
            case 6 -> rotate(upright, stored, ROTATE_90_COUNTERCLOCKWISE); // display rotates 90 CW
            case 8 -> rotate(upright, stored, ROTATE_90_CLOCKWISE);        // display rotates 90 CCW
            case 3 -> rotate(upright, stored, ROTATE_180);
            default -> throw new IllegalArgumentException();
        }
        Path orientedFile = dir.resolve("oriented " + orientation + ".jpg");
        TestImages.writeJpegWithExif(TestImages.jpeg(stored, 95), orientation, "2021:07:04 12:34:56", orientedFile);

        PhotoAnalysis expected = analyzer.analyze(uprightFile);
        PhotoAnalysis actual = analyzer.analyze(orientedFile);

        assertThat(actual.orientation()).isEqualTo(orientation);
        assertThat(actual.takenAt()).isEqualTo(Instant.parse("2021-07-04T12:34:56Z"));
        assertThat(actual.width()).isEqualTo(upright.cols());
        assertThat(actual.height()).isEqualTo(upright.rows());
        if (orientation != 3) {
            assertThat(actual.width()).as("6 and 8 swap the stored width and height").isEqualTo(stored.rows());
            assertThat(actual.height()).isEqualTo(stored.cols());
        }
        assertThat(expected.faces()).isNotEmpty();
        assertThat(actual.faces()).hasSameSizeAs(expected.faces());
        List<BoundingBox> expectedBoxes = expected.faces().stream().map(AnalyzedFace::box).toList();
        for (AnalyzedFace f : actual.faces()) {
            double bestIou = expectedBoxes.stream().mapToDouble(b -> b.iou(f.box())).max().orElse(0);
            assertThat(bestIou).as("box %s matches an upright box %s", f.box(), expectedBoxes).isGreaterThan(0.8);
            // the subject's right eye is on the image's left in the oriented image, as in an upright photo
            assertThat(f.landmarks().rightEye().x()).isLessThan(f.landmarks().leftEye().x());
        }
    }
}
