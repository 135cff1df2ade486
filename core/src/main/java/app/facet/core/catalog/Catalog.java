package app.facet.core.catalog;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One library's SQLite catalog. Opening it refuses a file that is not a Facet catalog or is newer than this Facet
 * (before anything is written), creates the folders, migrates the schema (Flyway, {@code db/migration/V*.sql}; not
 * started at all when the catalog's history already holds exactly the shipped migrations, all successful) and
 * records the managed folder the database triggers guard.
 * <p>
 * Connections are cheap and not shared between threads: call {@link #connect()} per unit of work.
 * Writes during a scan go through the single writer thread of {@code CatalogWriter}; WAL mode lets
 * readers (UI, CLI listings) run alongside it.
 */
public final class Catalog {
    private static final Logger log = LoggerFactory.getLogger(Catalog.class);

    private final LibraryLocation location;
    private final SQLiteDataSource dataSource;

    private Catalog(LibraryLocation location, SQLiteDataSource dataSource) {
        this.location = location;
        this.dataSource = dataSource;
    }

    /**
     * Opens (creating if needed) the library at {@code location}.
     *
     * @throws CatalogException when the folder cannot be created, the file is not a Facet catalog (zero bytes, not
     *                          SQLite, no Facet schema history) or was written by a newer Facet; the file is then left
     *                          byte-identical ({@link CatalogFileGuard})
     */
    public static Catalog open(LibraryLocation location) {
        boolean current = CatalogFileGuard.check(location.catalogFile());
        try {
            Files.createDirectories(location.cropsDir());
            Files.createDirectories(location.thumbnailsDir());
        } catch (IOException e) {
            throw new CatalogException("Cannot create the library folder " + location.root() + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + location.catalogFile());
        if (!current) {
            migrate(location, ds);
        }
        Catalog catalog = new Catalog(location, ds);
        catalog.recordManagedDir();
        log.info("event=catalog_opened path={}", location.catalogFile());
        return catalog;
    }

    /** Flyway: creates a new catalog or applies the shipped migrations it lacks (skipped for a current catalog: issue 14). */
    private static void migrate(LibraryLocation location, SQLiteDataSource ds) {
        try {
            Flyway.configure().dataSource(ds).locations(CatalogFileGuard.MIGRATIONS).load().migrate();
        } catch (RuntimeException e) {
            throw new CatalogException("Cannot open the catalog " + location.catalogFile() + ": " + rootMessage(e), e);
        }
        log.info("event=catalog_migrated path={}", location.catalogFile());
    }

    private void recordManagedDir() {
        // The triggers compare raw path prefixes: store the folder with a trailing separator so
        // that "/lib/managed-photos" is not mistaken for "/lib/managed".
        String dir = location.managedDir().toString() + java.io.File.separator;
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO library_settings(key, value) VALUES ('managed_dir', ?) "
                             + "ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value")) {
            ps.setString(1, dir);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException("Cannot record the managed folder in " + location.catalogFile() + ": " + e.getMessage(), e);
        }
    }

    /** @return a new connection (foreign keys on, WAL, busy timeout 10 s); the caller closes it */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public LibraryLocation location() {
        return location;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
