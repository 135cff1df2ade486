package app.facet.core.imaging;

import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.transpose;

/**
 * Applies an EXIF orientation (1..8) to decoded pixels, so that the result is the image as the camera
 * meant it to be seen. Every coordinate Facet stores is in this oriented image.
 */
public final class ExifOrientation {

    private ExifOrientation() {
    }

    /**
     * @param stored      pixels as stored in the file (decoded with IMREAD_IGNORE_ORIENTATION)
     * @param orientation EXIF tag 1..8, or null (treated as 1)
     * @return the oriented pixels; {@code stored} itself for 1/null, otherwise a new Mat
     */
    public static Mat apply(Mat stored, Integer orientation) {
        if (orientation == null || orientation <= 1 || orientation > 8) {
            return stored;
        }
        Mat out = new Mat();
        switch (orientation) {
            case 2 -> flip(stored, out, 1);                 // mirror horizontal
            case 3 -> flip(stored, out, -1);                // rotate 180
            case 4 -> flip(stored, out, 0);                 // mirror vertical
            case 5 -> transpose(stored, out);               // mirror horizontal + rotate 270 CW
            case 6 -> {                                     // rotate 90 CW
                transpose(stored, out);
                flip(out, out, 1);
            }
            case 7 -> {                                     // mirror horizontal + rotate 90 CW
                transpose(stored, out);
                flip(out, out, -1);
            }
            case 8 -> {                                     // rotate 270 CW
                transpose(stored, out);
                flip(out, out, 0);
            }
            default -> throw new IllegalStateException("orientation " + orientation);
        }
        return out;
    }
}
