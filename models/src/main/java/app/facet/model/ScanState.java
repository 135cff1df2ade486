package app.facet.model;

/**
 * Face-scan state of one photo, stored in {@code photos.scan_state}.
 * <ul>
 *   <li>{@link #PENDING}: catalogued, not yet analysed (or changed since).</li>
 *   <li>{@link #DONE}: analysed, at least one face stored.</li>
 *   <li>{@link #NO_FACES}: analysed (or emptied by the user), no face; never re-detected automatically.</li>
 *   <li>{@link #FAILED}: could not be analysed; {@code failure_reason} says why.</li>
 * </ul>
 */
public enum ScanState {
    PENDING, DONE, NO_FACES, FAILED;

    /** @return the value stored in SQL, e.g. {@code "no_faces"}. */
    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a value the schema does not allow */
    public static ScanState fromSql(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
