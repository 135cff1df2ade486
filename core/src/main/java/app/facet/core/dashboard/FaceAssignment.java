package app.facet.core.dashboard;

/** Where a face stands with people, as the dashboard shows it. */
public enum FaceAssignment {
    /** On a person, put there by the user. */
    USER,
    /** On a person, put there by recognition. */
    AUTO,
    /** On no person, with a suggested person waiting for confirmation. */
    SUGGESTED,
    /** On no person, no suggestion. */
    UNKNOWN,
    /** Marked by the user as not a face. */
    NOT_A_FACE;

    public String display() {
        return switch (this) {
            case USER -> "Named by you";
            case AUTO -> "Recognised";
            case SUGGESTED -> "Suggested";
            case UNKNOWN -> "Unknown";
            case NOT_A_FACE -> "Not a face";
        };
    }
}
