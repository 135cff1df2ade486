package app.facet.core.catalog;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides, before anything writes to it, whether an existing {@code catalog.sqlite} may be opened and migrated by this
 * Facet. Refused (a {@link CatalogException} with one sentence; the file is not written, not even Flyway's history
 * table or the WAL header):
 * <ul>
 *   <li>a zero-byte file, or a file that is not an SQLite database (a half-copied or foreign file is never replaced by
 *       a new library);</li>
 *   <li>an SQLite database with tables but no Flyway schema history (not a Facet catalog);</li>
 *   <li>a catalog whose schema history holds a version above the newest migration this build ships (written by a newer
 *       Facet).</li>
 * </ul>
 * The file is read through a read-only connection ({@code immutable=1} when there is no write-ahead log beside it, so
 * SQLite creates no {@code -shm} file either).
 * <p>
 * The same read tells whether the catalog is already current ({@link SchemaHistory#isCurrent}), so that opening it
 * need not start Flyway at all (issue 14).
 */
final class CatalogFileGuard {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    static final String MIGRATIONS = "classpath:db/migration";

    private CatalogFileGuard() {
    }

    /**
     * @return true when the existing catalog already holds every shipped migration, all successful, and nothing else
     *         (Flyway would have nothing to do); false when there is no file or Flyway must look at it
     * @throws CatalogException when the existing file at {@code file} must not be opened; nothing when there is no file
     */
    static boolean check(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new CatalogException("The catalog " + file + " is not a file: Facet does not replace it.");
            }
            if (Files.size(file) == 0) {
                throw new CatalogException("The catalog " + file + " is empty (0 bytes), so it is not a Facet catalog: Facet does not "
                        + "replace it; restore it from a backup, or move it away to start a new library.");
            }
            if (!startsWithSqliteMagic(file)) {
                throw new CatalogException("The catalog " + file + " is not an SQLite database, so it is not a Facet catalog: Facet does "
                        + "not replace it; restore it from a backup, or move it away to start a new library.");
            }
        } catch (IOException e) {
            throw new CatalogException("Cannot read the catalog " + file + ": " + e.getMessage(), e);
        }
        SQLiteDataSource readOnly = readOnly(file);
        return checkSchema(file, readOnly);
    }

    private static boolean startsWithSqliteMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        }
    }

    private static SQLiteDataSource readOnly(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        boolean walHoldsData;
        try {
            walHoldsData = Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            walHoldsData = true;
        }
        // immutable: no locks, no -shm; only when no write-ahead log could hold newer pages than the file
        ds.setUrl("jdbc:sqlite:" + file.toUri() + (walHoldsData ? "?mode=ro" : "?mode=ro&immutable=1"));
        return ds;
    }

    private static boolean checkSchema(Path file, SQLiteDataSource ds) {
        SchemaHistory history;
        try (Connection c = ds.getConnection()) {
            if (!hasTable(c, "flyway_schema_history")) {
                if (hasAnyTable(c)) {
                    throw new CatalogException("The catalog " + file + " is an SQLite database but not a Facet catalog (it has no Facet "
                            + "schema history): Facet does not change it.");
                }
                return false;
            }
            history = SchemaHistory.read(c);
        } catch (SQLException e) {
            throw new CatalogException("Cannot read the catalog " + file + ": " + e.getMessage(), e);
        }
        MigrationVersion shipped = newestShipped();
        Optional<MigrationVersion> applied = history.newest();
        if (applied.isPresent() && applied.get().compareTo(shipped) > 0) {
            throw new CatalogException("This library was written by a newer Facet (schema v" + applied.get() + "; this Facet knows up to v"
                    + shipped + "). Update Facet to open it.");
        }
        return ShippedMigrations.list().map(history::isCurrent).orElse(false);
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasAnyTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1")) {
            return rs.next();
        }
    }

    /**
     * The newest migration this build ships: from the cheap listing ({@link ShippedMigrations}), else as Flyway
     * resolves it (no database needed for that); resolved once.
     */
    static MigrationVersion newestShipped() {
        return ShippedMigrations.list().map(TreeSet::last).orElseGet(() -> Shipped.NEWEST);
    }

    private static final class Shipped {
        static final MigrationVersion NEWEST = resolveNewestShipped();
    }

    /** The newest migration as Flyway itself resolves it (starts Flyway: only when the cheap listing is unsure, and in tests). */
    static MigrationVersion resolveNewestShipped() {
        SQLiteDataSource nowhere = new SQLiteDataSource();
        nowhere.setUrl("jdbc:sqlite::memory:");
        MigrationInfo[] all = Flyway.configure().dataSource(nowhere).locations(MIGRATIONS).load().info().all();
        return Arrays.stream(all).map(MigrationInfo::getVersion).filter(v -> v != null)
                .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalStateException("no migrations in " + MIGRATIONS));
    }
}
