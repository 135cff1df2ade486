package app.facet.core.thumbnails;

import app.facet.core.imaging.DecodedPhoto;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Loads a photo for the photo viewer: EXIF-oriented, at full size, except that JPEGs whose long side is at least
 * twice {@link #MAX_LONG_SIDE} are decoded reduced (by 2, 4 or 8) to a long side still at least {@link #MAX_LONG_SIDE}.
 * Thread-safe; call off the UI thread (a 12 MP JPEG takes about a tenth of a second).
 */
public final class DisplayImageLoader {
    /** Long side above which the viewer gets a reduced image (still sharper than any screen). */
    public static final int MAX_LONG_SIDE = 8192;

    private final OrientedImageDecoder decoder = new OrientedImageDecoder();

    /** @throws ThumbnailException when the photo cannot be decoded (missing, damaged, not an image, too large) */
    public DecodedImage load(Path photo) throws ThumbnailException {
        try (DecodedPhoto decoded = decoder.decode(photo, MAX_LONG_SIDE);
             Mat bgra = new Mat()) {
            cvtColor(decoded.bgr(), bgra, COLOR_BGR2BGRA);
            int w = bgra.cols(), h = bgra.rows();
            byte[] pixels = new byte[w * h * 4];
            bgra.data().get(pixels);
            return new DecodedImage(w, h, pixels, decoded.width(), decoded.height());
        }
    }
}
