package app.facet.core.metadata;

/**
 * A face region as written in one XMP packet, before any check: its area in the stored image and its name as found.
 *
 * @param area    fractions of the stored image; null when the area could not be read ({@code areaError} says why)
 * @param rawName name as found, or null
 * @param index   1-based position in its XMP list
 */
record RawRegion(NormalizedBox area, String rawName, int index, String areaError) {

    static RawRegion of(NormalizedBox area, String rawName, int index) {
        return new RawRegion(area, rawName, index, null);
    }

    static RawRegion invalid(String rawName, int index, String why) {
        return new RawRegion(null, rawName, index, why);
    }
}
