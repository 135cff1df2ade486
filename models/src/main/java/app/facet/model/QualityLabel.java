package app.facet.model;

/** Human label for an overall face quality score in [0, 1]. */
public enum QualityLabel {
    EXCELLENT, GOOD, FAIR, POOR;

    /** Thresholds documented in docs/QUALITY.md. */
    public static QualityLabel of(double overall) {
        if (overall >= 0.75) return EXCELLENT;
        if (overall >= 0.55) return GOOD;
        if (overall >= 0.35) return FAIR;
        return POOR;
    }

    /** @return the value stored in SQL, e.g. {@code "good"} */
    public String sql() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String display() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
