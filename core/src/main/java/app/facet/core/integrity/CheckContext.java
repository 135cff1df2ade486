package app.facet.core.integrity;

import app.facet.core.catalog.LibraryLocation;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What a check runs against: one open connection (one read snapshot), the library folders and the progress. */
final class CheckContext {
    private final Connection connection;
    private final LibraryLocation location;
    private final String managedDir;
    private final ProgressTracker progress;

    CheckContext(Connection connection, LibraryLocation location, ProgressTracker progress) throws SQLException {
        this.connection = connection;
        this.location = location;
        this.managedDir = managedDir(connection, location);
        this.progress = progress;
    }

    Connection connection() {
        return connection;
    }

    LibraryLocation location() {
        return location;
    }

    /** The managed folder with trailing separator, as the guard triggers compare it. */
    String managedDir() {
        return managedDir;
    }

    ProgressTracker progress() {
        return progress;
    }

    /**
     * The managed folder the catalog's triggers guard ({@code library_settings.managed_dir}); the library's own
     * folder when the setting is absent.
     */
    static String managedDir(Connection c, LibraryLocation location) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM library_settings WHERE key = 'managed_dir'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : location.managedDir() + File.separator;
        }
    }
}
