package app.facet.core.imaging;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decoded, EXIF-oriented pixels of a photo, possibly at a reduced resolution.
 * Owns its native Mat: close it when done.
 *
 * @param bgr        8-bit 3-channel BGR pixels after EXIF orientation
 * @param width      full-resolution width after EXIF orientation (the coordinate space Facet stores)
 * @param height     full-resolution height after EXIF orientation
 * @param reduction  the libjpeg reduction used (1, 2, 4 or 8); 1 = full resolution
 * @param header     the header facts of the file
 */
public record DecodedPhoto(Mat bgr, int width, int height, int reduction, ImageHeader header) implements AutoCloseable {

    /** @return full-resolution pixels per decoded pixel along x (about {@code reduction}) */
    public double scaleX() {
        return (double) width / bgr.cols();
    }

    /** @return full-resolution pixels per decoded pixel along y */
    public double scaleY() {
        return (double) height / bgr.rows();
    }

    @Override
    public void close() {
        bgr.close();
    }
}
