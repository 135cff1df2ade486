package app.facet.core.imaging;

import java.time.Instant;

/**
 * Facts read from an image file's header and metadata, without decoding any pixel.
 *
 * @param format        container format from the magic bytes
 * @param storedWidth   width of the pixel data as stored, before EXIF orientation, pixels
 * @param storedHeight  height of the pixel data as stored, before EXIF orientation, pixels
 * @param orientation   EXIF orientation tag 1..8, null when absent or out of range
 * @param takenAt       EXIF DateTimeOriginal, null when absent; a time without an offset tag is read as UTC
 */
public record ImageHeader(ImageFormat format, int storedWidth, int storedHeight, Integer orientation, Instant takenAt) {

    /** @return true when the orientation swaps width and height (EXIF 5..8). */
    public boolean swapsAxes() {
        return orientation != null && orientation >= 5;
    }

    /** @return width after EXIF orientation, pixels */
    public int orientedWidth() {
        return swapsAxes() ? storedHeight : storedWidth;
    }

    /** @return height after EXIF orientation, pixels */
    public int orientedHeight() {
        return swapsAxes() ? storedWidth : storedHeight;
    }

    public long pixelCount() {
        return (long) storedWidth * storedHeight;
    }
}
