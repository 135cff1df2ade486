package app.facet.app.cli;

/** A mistake the user can fix (wrong path, bad option): printed as its one-sentence message, exit code 2. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
