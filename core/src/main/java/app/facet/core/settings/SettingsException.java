package app.facet.core.settings;

/** The settings file cannot be read or written; the message is one sentence for the user. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
