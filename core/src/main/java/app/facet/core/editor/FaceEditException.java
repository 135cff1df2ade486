package app.facet.core.editor;

/**
 * An edit could not be saved; nothing was changed (the transaction rolled back, new crop files were removed).
 * The message is one sentence for the user.
 */
public final class FaceEditException extends RuntimeException {
    public FaceEditException(String message) {
        super(message);
    }

    public FaceEditException(String message, Throwable cause) {
        super(message, cause);
    }
}
