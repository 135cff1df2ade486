package app.facet.core.rules;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one definition of "inside the managed folder" (the folder Facet owns: face crops, thumbnails), for absolute
 * paths (photo and image paths) and for stored crop paths.
 * <ul>
 *   <li>An absolute path is inside when its text starts with the folder's absolute path followed by a separator:
 *   exactly the test the catalog's guard triggers make on {@code library_settings.managed_dir}, so Java and SQLite
 *   never disagree (a sibling such as {@code /lib/managed-photos} is outside).</li>
 *   <li>A stored crop path ({@link LibraryPaths}) is inside when it is relative and starts with
 *   {@value #STORED_PREFIX} without a {@code ..} segment (the form every writer stores since V65, valid wherever the
 *   library folder is moved), or when it is an absolute path inside the folder (a row written before V65 that the
 *   migration could not convert, valid while the library stays where it is).</li>
 * </ul>
 *
 * @param prefix the managed folder's absolute path with a trailing separator, as stored in {@code library_settings}
 */
public record ManagedFolder(String prefix) {
    /** The managed folder's name inside the library folder. */
    public static final String NAME = "managed";
    /** How every stored path inside the managed folder begins. */
    public static final String STORED_PREFIX = NAME + "/";
    /** The folder's value in SQL over the catalog, for predicates that must agree with {@link #contains}. */
    public static final String SQL_PREFIX = "(SELECT value FROM library_settings WHERE key = 'managed_dir')";

    public ManagedFolder {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.endsWith(File.separator)) {
            throw new IllegalArgumentException("managed folder prefix must end with a separator: " + prefix);
        }
    }

    /** @param dir the managed folder; made absolute and normalised */
    public static ManagedFolder of(Path dir) {
        return new ManagedFolder(dir.toAbsolutePath().normalize() + File.separator);
    }

    /** @return whether the absolute {@code path} lies inside the folder; false for null */
    public boolean contains(String path) {
        return path != null && path.startsWith(prefix);
    }

    /** @return whether a stored crop path lies inside the folder (relative or legacy absolute form); false for null */
    public boolean containsStored(String stored) {
        if (stored == null) {
            return false;
        }
        if (stored.startsWith(STORED_PREFIX)) {
            return !("/" + stored + "/").contains("/../");
        }
        return contains(stored);
    }

    /** @return the library folder's paths (the parent of this folder) */
    public LibraryPaths library() {
        return new LibraryPaths(Path.of(prefix).getParent());
    }

    /** @return the file a stored path names ({@link LibraryPaths#resolve}) */
    public Path file(String stored) {
        return library().resolve(stored);
    }

    /** @return the stored form of a path ({@link LibraryPaths#toStored(String)}) */
    public String toStored(String path) {
        return library().toStored(path);
    }

    /** @return the SQL test "the absolute path in {@code column} lies inside the managed folder", as {@link #contains} */
    public static String sqlContains(String column) {
        return "(substr(" + column + ", 1, length(" + SQL_PREFIX + ")) = " + SQL_PREFIX + ")";
    }

    /** @return the SQL test "the stored crop path in {@code column} lies inside the managed folder", as {@link #containsStored} */
    public static String sqlContainsStored(String column) {
        return "(CASE WHEN substr(" + column + ", 1, " + STORED_PREFIX.length() + ") = '" + STORED_PREFIX + "'"
                + " THEN instr('/' || " + column + " || '/', '/../') = 0 ELSE " + sqlContains(column) + " END)";
    }

    /**
     * @return an SQL expression giving the absolute file a stored path in {@code column} names, as {@link #file} does
     *         (the library folder is the recorded managed folder's parent); NULL stays NULL
     */
    public static String sqlFile(String column) {
        return "(CASE WHEN substr(" + column + ", 1, " + STORED_PREFIX.length() + ") = '" + STORED_PREFIX + "'"
                + " THEN substr(" + SQL_PREFIX + ", 1, length(" + SQL_PREFIX + ") - " + STORED_PREFIX.length() + ") || "
                + column + " ELSE " + column + " END)";
    }
}
