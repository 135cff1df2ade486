package app.facet.core.catalog;

/** A catalog operation failed (SQL error, refused write, unreadable library). The message is one sentence for a user. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }

    public CatalogException(String message) {
        super(message);
    }
}
