package app.facet.core.thumbnails;

/**
 * Pixels of a photo ready for display: EXIF orientation applied, 8-bit BGRA, rows top to bottom, not premultiplied.
 *
 * @param width       width in pixels of these pixels
 * @param height      height in pixels
 * @param bgra        {@code width * height * 4} bytes
 * @param reduction   how many original (oriented) pixels one of these pixels spans along each side: 1 for full size,
 *                    2, 4 or 8 when decoded reduced. Map a box in original-image pixels by dividing by it.
 */
public record DecodedImage(int width, int height, byte[] bgra, int reduction) {
    public DecodedImage {
        if (width <= 0 || height <= 0 || bgra.length != width * height * 4) {
            throw new IllegalArgumentException("BGRA buffer of " + bgra.length + " bytes does not fit " + width + "x" + height);
        }
    }
}
