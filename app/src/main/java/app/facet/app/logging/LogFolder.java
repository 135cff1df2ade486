package app.facet.app.logging;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Facet writes its log file: the system property {@value #PROPERTY} when set (tests, packagers), else
 * {@code $XDG_STATE_HOME/facet}, else the platform's usual place: {@code ~/.local/state/facet} on Linux,
 * {@code ~/Library/Logs/Facet} on macOS, {@code %LOCALAPPDATA%\Facet\Logs} on Windows.
 */
public final class LogFolder {
    /** System property naming the log folder; wins over everything else. */
    public static final String PROPERTY = "facet.log.dir";
    /** Name of the current log file inside the folder. */
    public static final String FILE = "facet.log";

    private LogFolder() {
    }

    /** The log folder of this process. */
    public static Path current() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** The current log file ({@value #FILE} in {@link #current()}). */
    public static Path currentFile() {
        return current().resolve(FILE);
    }

    static Path resolve(String property, Map<String, String> env, String osName, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "facet").toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Logs", "Facet");
        }
        String localAppData = env.get("LOCALAPPDATA");
        if (os.contains("win") && localAppData != null && !localAppData.isBlank()) {
            return Path.of(localAppData, "Facet", "Logs");
        }
        return Path.of(home, ".local", "state", "facet");
    }
}
