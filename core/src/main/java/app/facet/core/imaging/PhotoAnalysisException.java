package app.facet.core.imaging;

/**
 * A photo that cannot be read, decoded or analysed. {@link #getMessage()} is one sentence for the user; {@link #reason()}
 * a stable code. It lives in {@code imaging}, below {@code analysis}, because the reader and the decoder raise it too.
 */
public class PhotoAnalysisException extends Exception {

    /** Stable reason codes, stored in {@code photos.failure_reason} as {@code code: message}. */
    public enum Reason {
        EMPTY_FILE, UNREADABLE, NOT_AN_IMAGE, CORRUPT_IMAGE, TOO_MANY_PIXELS, UNSUPPORTED_FORMAT, ANALYSIS_ERROR;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public PhotoAnalysisException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PhotoAnalysisException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
