package app.facet.core.thumbnails;

import app.facet.core.imaging.DecodedPhoto;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Path;

/**
 * Renders one photo as a thumbnail JPEG: EXIF-oriented, long side at most {@code maxSide} pixels (never enlarged).
 * Thread-safe (no state); each call decodes its own image.
 */
public class ThumbnailRenderer {
    private static final int JPEG_QUALITY = 85;
    private final OrientedImageDecoder decoder = new OrientedImageDecoder();

    /**
     * @return JPEG bytes of the thumbnail
     * @throws ThumbnailException when the photo cannot be decoded (missing, damaged, not an image, too large)
     */
    public byte[] render(Path photo, int maxSide) throws ThumbnailException {
        try (DecodedPhoto decoded = decoder.decode(photo, maxSide)) {
            Mat image = decoded.bgr();
            int w = image.cols(), h = image.rows();
            double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
            try (Mat small = new Mat(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
                 BytePointer out = new BytePointer()) {
                Mat toWrite = image;
                if (scale < 1.0) {
                    Size target = new Size(Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)));
                    resize(image, small, target, 0, 0, INTER_AREA);
                    target.close();
                    toWrite = small;
                }
                if (!imencode(".jpg", toWrite, out, params)) {
                    throw new ThumbnailException("Cannot encode the thumbnail of " + photo + ".");
                }
                byte[] jpeg = new byte[(int) out.limit()];
                out.get(jpeg);
                return jpeg;
            }
        }
    }
}
