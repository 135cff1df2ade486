package app.facet.core.dashboard;

/** Which faces a listing keeps by status. "Not a face" rows are listed only by {@link #ALL} and {@link #NOT_A_FACE}. */
public enum StatusFilter {
    /** Every row, "not a face" and invalid ones included. */
    ALL("All faces"),
    /** Rows flagged invalid by validation. */
    INVALID("⚠ Invalid"),
    /** Valid faces. */
    VALID("Valid"),
    USER("Named by you"),
    AUTO("Recognised"),
    SUGGESTED("Suggested"),
    UNKNOWN("Unknown"),
    NOT_A_FACE("Not a face");

    private final String display;

    StatusFilter(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }
}
