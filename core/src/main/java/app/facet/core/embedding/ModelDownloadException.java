package app.facet.core.embedding;

/** A model could not be downloaded or did not match its pinned SHA-256. The message is one sentence for the user. */
public class ModelDownloadException extends Exception {
    private final boolean offline;
    private final boolean cancelled;

    public ModelDownloadException(String message) {
        this(message, null, false);
    }

    public ModelDownloadException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param offline true when the server could not be reached at all (no network, no DNS, connection refused) */
    public ModelDownloadException(String message, Throwable cause, boolean offline) {
        this(message, cause, offline, false);
    }

    private ModelDownloadException(String message, Throwable cause, boolean offline, boolean cancelled) {
        super(message, cause);
        this.offline = offline;
        this.cancelled = cancelled;
    }

    static ModelDownloadException cancelled(String message) {
        return new ModelDownloadException(message, null, false, true);
    }

    /** @return true when the server could not be reached: this computer is probably offline */
    public boolean offline() {
        return offline;
    }

    /** @return true when the user cancelled the download */
    public boolean cancelled() {
        return cancelled;
    }
}
