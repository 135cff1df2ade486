package app.facet.core.embedding;

/** A model could not be downloaded or did not match its pinned SHA-256. The message is one sentence for the user. */
public class ModelDownloadException extends Exception {
    public ModelDownloadException(String message) {
        super(message);
    }

    public ModelDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
