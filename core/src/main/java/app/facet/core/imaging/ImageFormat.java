package app.facet.core.imaging;

/** Image container formats Facet decodes. Detected from the file's magic bytes, never from its name. */
public enum ImageFormat {
    JPEG, PNG, WEBP, BMP, TIFF;

    /** @return true when OpenCV's JPEG decoder can scale during decoding (IMREAD_REDUCED_COLOR_2/4/8 is then cheaper than a full decode). */
    public boolean supportsReducedDecode() {
        return this == JPEG;
    }
}
