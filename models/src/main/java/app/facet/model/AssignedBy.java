package app.facet.model;

/**
 * Who put a face on a person, stored in {@code face_crops.assigned_by}.
 * The machine never overrides {@link #USER}.
 */
public enum AssignedBy {
    USER, AUTO, NONE;

    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AssignedBy fromSql(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
