package app.facet.core.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/** Reads and writes {@link UserSettings} as JSON in one file. Thread-safe. */
public final class UserSettingsStore {
    private static final Logger log = LoggerFactory.getLogger(UserSettingsStore.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public UserSettingsStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /**
     * The default settings file: {@code $FACET_CONFIG}, else {@code $XDG_CONFIG_HOME/facet/settings.json}, else
     * {@code ~/.config/facet/settings.json} (macOS: {@code ~/Library/Preferences/Facet/settings.json};
     * Windows: {@code %APPDATA%\Facet\settings.json}).
     */
    public static Path defaultFile() {
        return defaultFile(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static Path defaultFile(Map<String, String> env, String osName, Path home) {
        String explicit = env.get("FACET_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library/Preferences/Facet/settings.json");
        }
        if (os.contains("win") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "Facet", "settings.json");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("facet").resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    /**
     * @return the stored settings; {@link UserSettings#EMPTY} when there is no file yet. A file that is not valid
     *         settings JSON is kept aside as {@code settings.json.unreadable} (nothing lost), logged, and EMPTY returned.
     * @throws SettingsException when the file exists but cannot be read at all
     */
    public synchronized UserSettings load() {
        if (!Files.exists(file)) {
            return UserSettings.EMPTY;
        }
        try {
            return json.readValue(file.toFile(), UserSettings.class);
        } catch (JacksonException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            log.warn("event=settings_unreadable file={} kept_as={} reason={}", file, aside, e.getOriginalMessage());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new SettingsException("The settings file " + file + " is damaged and cannot be moved aside: "
                        + moveFailed.getMessage(), moveFailed);
            }
            return UserSettings.EMPTY;
        } catch (IOException e) {
            throw new SettingsException("Cannot read the settings file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes atomically (a crash never leaves half a file). @throws SettingsException when it cannot be written */
    public synchronized void save(UserSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try {
                json.writeValue(tmp.toFile(), settings);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SettingsException("Cannot write the settings file " + file + ": " + e.getMessage(), e);
        }
    }
}
