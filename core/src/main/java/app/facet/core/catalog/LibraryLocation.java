package app.facet.core.catalog;

import app.facet.core.rules.LibraryPaths;
import app.facet.core.rules.ManagedFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where one library lives on disk: a folder holding the SQLite catalog and the managed data folder.
 * <pre>
 *   DIR/catalog.sqlite        the catalog (WAL mode: catalog.sqlite-wal, -shm beside it)
 *   DIR/managed/crops/..      face crop JPEGs (written by Facet only)
 *   DIR/managed/thumbs/..     thumbnail cache
 *   DIR/models/               default model folder when neither --models nor FACET_MODELS is set
 *   DIR/backups/              catalog backups made before repairs
 * </pre>
 * All paths are absolute and normalised. The catalog stores paths inside this folder relative to it
 * ({@link LibraryPaths}), so the folder may be moved or renamed: {@link #resolve} turns a stored path into a file.
 */
public record LibraryLocation(Path root) {

    public LibraryLocation {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The default library: {@code $FACET_LIBRARY}, else {@code $XDG_DATA_HOME/facet/library}, else
     * {@code ~/.local/share/facet/library} (macOS: {@code ~/Library/Application Support/Facet/library};
     * Windows: {@code %LOCALAPPDATA%\Facet\library}).
     */
    public static LibraryLocation defaultLocation() {
        return defaultLocation(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static LibraryLocation defaultLocation(Map<String, String> env, String osName, Path home) {
        String explicit = env.get("FACET_LIBRARY");
        if (explicit != null && !explicit.isBlank()) {
            return new LibraryLocation(Path.of(explicit));
        }
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac")) {
            return new LibraryLocation(home.resolve("Library/Application Support/Facet/library"));
        }
        if (os.contains("win") && env.get("LOCALAPPDATA") != null) {
            return new LibraryLocation(Path.of(env.get("LOCALAPPDATA"), "Facet", "library"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return new LibraryLocation(base.resolve("facet").resolve("library"));
    }

    public Path catalogFile() {
        return root.resolve("catalog.sqlite");
    }

    /** The folder Facet owns; no photo inside it is ever catalogued. */
    public Path managedDir() {
        return root.resolve(ManagedFolder.NAME);
    }

    /** @return the managed folder as the rules see it */
    public ManagedFolder managedFolder() {
        return ManagedFolder.of(managedDir());
    }

    /**
     * The one resolution of a stored library path (a crop path, a backup path) to a file.
     *
     * @param stored relative to this library folder ({@code managed/crops/0c/p12-r3-f0.jpg}) or absolute
     * @return the absolute, normalised file; null for null
     */
    public Path resolve(String stored) {
        return stored == null ? null : new LibraryPaths(root).resolve(stored);
    }

    /** @return the stored form of {@code file}: relative with {@code /} when inside this folder, else absolute */
    public String toStored(Path file) {
        return new LibraryPaths(root).toStored(file);
    }

    public Path cropsDir() {
        return managedDir().resolve("crops");
    }

    public Path thumbnailsDir() {
        return managedDir().resolve("thumbs");
    }

    public Path defaultModelsDir() {
        return root.resolve("models");
    }

    public Path backupsDir() {
        return root.resolve("backups");
    }

    public boolean exists() {
        return Files.isRegularFile(catalogFile());
    }
}
