package app.facet.core.rules;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one definition of "inside the managed folder" (the folder Facet owns: face crops, thumbnails). A path is
 * inside when its text starts with the folder's absolute path followed by a separator: exactly the test the
 * catalog's guard triggers make on {@code library_settings.managed_dir}, so Java and SQLite never disagree (a
 * sibling such as {@code /lib/managed-photos} is outside; stored paths are absolute and normalised by the scan).
 *
 * @param prefix the managed folder's absolute path with a trailing separator, as stored in {@code library_settings}
 */
public record ManagedFolder(String prefix) {
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

    /** @return whether {@code path} lies inside the folder; false for null */
    public boolean contains(String path) {
        return path != null && path.startsWith(prefix);
    }

    /** @return the SQL test "{@code column} lies inside the managed folder", the same test as {@link #contains} */
    public static String sqlContains(String column) {
        return "(substr(" + column + ", 1, length(" + SQL_PREFIX + ")) = " + SQL_PREFIX + ")";
    }
}
