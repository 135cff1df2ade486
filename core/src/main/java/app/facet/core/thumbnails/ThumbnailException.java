package app.facet.core.thumbnails;

/** A photo that cannot be decoded for display. {@link #getMessage()} is one sentence for the user. */
public class ThumbnailException extends Exception {
    public ThumbnailException(String message) {
        super(message);
    }

    public ThumbnailException(String message, Throwable cause) {
        super(message, cause);
    }
}
