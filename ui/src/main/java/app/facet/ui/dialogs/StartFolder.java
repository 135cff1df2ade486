package app.facet.ui.dialogs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the system's file and folder dialogs open: the last folder the user chose in one of them, else the user's
 * Pictures folder, else their home folder (never the process's working directory). Remembered for this run of the
 * app only (the settings file has no field for it). Thread-safe.
 */
public final class StartFolder {
    private static final StartFolder SESSION = new StartFolder(picturesFolder(Path.of(System.getProperty("user.home"))));
    private static final Pattern XDG_PICTURES = Pattern.compile("^\\s*XDG_PICTURES_DIR\\s*=\\s*\"([^\"]*)\"");

    private final Path fallback;
    private Path last;

    /** @param fallback where dialogs open until the user has chosen something */
    StartFolder(Path fallback) {
        this.fallback = fallback;
    }

    /** The one instance the app's dialogs share. */
    public static StartFolder session() {
        return SESSION;
    }

    /** @return the folder a dialog opens in now: the last one used if it still exists, else the fallback */
    public synchronized Path initial() {
        if (last != null && Files.isDirectory(last)) {
            return last;
        }
        return fallback;
    }

    /** Remembers the folder of what the user chose: {@code chosen} itself when it is a folder, else its parent. */
    public synchronized void used(Path chosen) {
        Path abs = chosen.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(abs) ? abs : abs.getParent();
        if (folder != null) {
            last = folder;
        }
    }

    /**
     * The user's Pictures folder: on Linux the XDG user directory ({@code XDG_PICTURES_DIR} in
     * {@code ~/.config/user-dirs.dirs}, which may be localised, e.g. "Bilder"), elsewhere {@code ~/Pictures};
     * the home folder when that does not exist.
     */
    static Path picturesFolder(Path home) {
        Path userDirs = home.resolve(".config/user-dirs.dirs");
        if (Files.isRegularFile(userDirs)) {
            try {
                for (String line : Files.readAllLines(userDirs)) {
                    Matcher m = XDG_PICTURES.matcher(line);
                    if (m.find()) {
                        Path p = Path.of(m.group(1).replace("$HOME", home.toString()));
                        if (Files.isDirectory(p)) {
                            return p;
                        }
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // a broken user-dirs file only means the default below
            }
        }
        Path pictures = home.resolve("Pictures");
        return Files.isDirectory(pictures) ? pictures : home;
    }
}
