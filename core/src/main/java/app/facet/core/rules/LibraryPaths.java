package app.facet.core.rules;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one definition of how the catalog stores a path that lies inside the library folder (face crops, thumbnails,
 * backups): relative to the library folder, with {@code /} separators ({@code managed/crops/0c/p12-r3-f0.jpg}), so
 * that moving or renaming the library folder keeps every stored path valid. A path outside the library (an original
 * photo) is stored absolute, as it is. {@link #resolve} turns either form back into a file.
 *
 * @param root the library folder (absolute, normalised)
 */
public record LibraryPaths(Path root) {
    public LibraryPaths {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /**
     * @param stored a path as the catalog stores it: relative to the library folder, or absolute
     * @return the file it names (absolute, normalised); a relative path that climbs out of the library with
     *         {@code ..} resolves outside it, where {@link ManagedFolder#containsStored} never accepts it
     */
    public Path resolve(String stored) {
        Path p = Path.of(stored);
        return (p.isAbsolute() ? p : root.resolve(p)).normalize();
    }

    /**
     * @param file an absolute (or working-directory relative) path
     * @return its stored form: relative with {@code /} separators when it lies inside the library folder, else the
     *         absolute path unchanged
     */
    public String toStored(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root) || abs.equals(root)) {
            return abs.toString();
        }
        return root.relativize(abs).toString().replace(File.separatorChar, '/');
    }

    /** {@link #toStored(Path)} of a path given as text; null stays null, and a stored relative path is kept. */
    public String toStored(String path) {
        if (path == null || !Path.of(path).isAbsolute()) {
            return path;
        }
        return toStored(Path.of(path));
    }
}
