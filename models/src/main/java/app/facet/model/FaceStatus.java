package app.facet.model;

/** Validation status of a stored face row: {@code invalid} rows carry a reason and are shown, never hidden. */
public enum FaceStatus {
    VALID, INVALID;

    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static FaceStatus fromSql(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
