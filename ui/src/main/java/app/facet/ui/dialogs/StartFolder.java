package app.facet.ui.dialogs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the system's file and folder dialogs open: the last folder the user chose in one of them, else the user's
 * Pictures folder, else their home folder (never the process's working directory). Remembered across runs once the
 * window has called {@link #rememberAcrossRuns} (the settings file keeps the folder). Thread-safe.
 */
public final class StartFolder {
    private static final StartFolder SESSION = new StartFolder(picturesFolder(Path.of(System.getProperty("user.home"))));
    private static final Pattern XDG_PICTURES = Pattern.compile("^\\s*XDG_PICTURES_DIR\\s*=\\s*\"([^\"]*)\"");

    private final Path fallback;
    private Path last;
    private Consumer<Path> persist = folder -> { };

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

    /**
     * Remembers the folder of what the user chose: {@code chosen} itself when it is a folder, else its parent; a new
     * folder is handed to the persistence given to {@link #rememberAcrossRuns}.
     */
    public void used(Path chosen) {
        Path abs = chosen.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(abs) ? abs : abs.getParent();
        Consumer<Path> save;
        synchronized (this) {
            if (folder == null || folder.equals(last)) {
                return;
            }
            last = folder;
            save = persist;
        }
        save.accept(folder);
    }

    /**
     * Continues from the folder an earlier run remembered, and hands each newly used folder to {@code persist} (the
     * window saves it in the user's settings, off the UI thread).
     *
     * @param remembered the stored folder (absolute path), or null when none is stored; ignored when it no longer exists
     */
    public void rememberAcrossRuns(String remembered, Consumer<Path> persist) {
        synchronized (this) {
            this.persist = persist;
            if (remembered != null && last == null) {
                last = Path.of(remembered);
            }
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
