package app.facet.core.people;

/**
 * A people action could not be done (unknown person or face, bad name, catalog error). Nothing was
 * changed. The message is one sentence for the user.
 */
public class PeopleException extends RuntimeException {
    public PeopleException(String message) {
        super(message);
    }

    public PeopleException(String message, Throwable cause) {
        super(message, cause);
    }
}
