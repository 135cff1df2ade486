package app.facet.core.thumbnails;

/**
 * Pixels of a photo ready for display: EXIF orientation applied, 8-bit BGRA, rows top to bottom, not premultiplied.
 *
 * @param width          width of these pixels
 * @param height         height of these pixels
 * @param bgra           {@code width * height * 4} bytes
 * @param originalWidth  full-resolution width after EXIF orientation: the space face boxes are stored in
 * @param originalHeight full-resolution height after EXIF orientation
 */
public record DecodedImage(int width, int height, byte[] bgra, int originalWidth, int originalHeight) {
    public DecodedImage {
        if (width <= 0 || height <= 0 || bgra.length != width * height * 4) {
            throw new IllegalArgumentException("BGRA buffer of " + bgra.length + " bytes does not fit " + width + "x" + height);
        }
    }

    /** @return display pixels per original-image pixel (1 at full size, about 1/2, 1/4, 1/8 when reduced) */
    public double scale() {
        return (double) width / originalWidth;
    }
}
