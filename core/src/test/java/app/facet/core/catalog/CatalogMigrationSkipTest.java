package app.facet.core.catalog;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14: a catalog already at the shipped schema opens without starting Flyway; every other catalog still goes
 * through Flyway (an outdated one is migrated, a failed or partial history is refused as before).
 */
class CatalogMigrationSkipTest {
    @TempDir
    Path dir;

    @Test
    void theCheapListingFindsExactlyTheMigrationsFlywayResolves() {
        SQLiteDataSource nowhere = new SQLiteDataSource();
        nowhere.setUrl("jdbc:sqlite::memory:");
        TreeSet<MigrationVersion> flyway = Arrays.stream(Flyway.configure().dataSource(nowhere).locations(CatalogFileGuard.MIGRATIONS)
                        .load().info().all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(ShippedMigrations.list()).hasValue(flyway);
        assertThat(CatalogFileGuard.newestShipped()).isEqualTo(CatalogFileGuard.resolveNewestShipped());
    }

    @Test
    void anOutdatedCatalogIsStillMigratedToTheNewestShippedVersion() throws Exception {
        TreeSet<MigrationVersion> shipped = ShippedMigrations.list().orElseThrow();
        MigrationVersion older = shipped.lower(shipped.last());
        Path file = dir.resolve("catalog.sqlite");
        Files.createDirectories(dir);
        Flyway.configure().dataSource(url(file), null, null).locations(CatalogFileGuard.MIGRATIONS).target(older).load().migrate();
        assertThat(CatalogFileGuard.check(file)).as("an outdated catalog is not current").isFalse();

        Catalog.open(new LibraryLocation(dir));

        assertThat(versions(file)).isEqualTo(shipped);
        assertThat(CatalogFileGuard.check(file)).as("current after the migration").isTrue();
    }

    @Test
    void aCurrentCatalogOpensWithoutFlyway() throws Exception {
        Catalog.open(new LibraryLocation(dir));
        Path file = dir.resolve("catalog.sqlite");
        // Flyway validates every applied script's checksum before it migrates, and refuses a mismatch: a changed
        // checksum shows whether Flyway ran at all
        sql(file, "UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");

        Catalog again = Catalog.open(new LibraryLocation(dir));

        try (Connection c = again.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM library_settings WHERE key = 'managed_dir'")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void aFailedNewestMigrationIsNotCurrentAndFlywayRefusesIt() throws Exception {
        Catalog.open(new LibraryLocation(dir));
        Path file = dir.resolve("catalog.sqlite");
        String newest = CatalogFileGuard.newestShipped().toString();
        sql(file, "UPDATE flyway_schema_history SET success = 0 WHERE version = '" + newest + "'");

        assertThat(CatalogFileGuard.check(file)).isFalse();
        assertThatThrownBy(() -> Catalog.open(new LibraryLocation(dir))).isInstanceOf(CatalogException.class)
                .hasMessageContaining("failed migration");
    }

    @Test
    void aHistoryMissingAnIntermediateVersionIsNotCurrent() throws Exception {
        Catalog.open(new LibraryLocation(dir));
        Path file = dir.resolve("catalog.sqlite");
        TreeSet<MigrationVersion> shipped = ShippedMigrations.list().orElseThrow();
        sql(file, "DELETE FROM flyway_schema_history WHERE version = '" + shipped.higher(shipped.first()) + "'");

        assertThat(CatalogFileGuard.check(file)).isFalse();
    }

    @Test
    void onlySuccessfulSqlRowsOfExactlyTheShippedVersionsAreCurrent() {
        TreeSet<MigrationVersion> shipped = new TreeSet<>(List.of(v("1"), v("2")));
        assertThat(history(row("1", "SQL", true), row("2", "SQL", true)).isCurrent(shipped)).isTrue();
        assertThat(history(row("1", "SQL", true), row("2", "SQL", false)).isCurrent(shipped)).as("failed").isFalse();
        assertThat(history(row("1", "SQL", true)).isCurrent(shipped)).as("outdated").isFalse();
        assertThat(history(row("1", "BASELINE", true), row("2", "SQL", true)).isCurrent(shipped)).as("baseline").isFalse();
        assertThat(history(row("1", "SQL", true), row("2", "SQL", true), row("2", "DELETE", true)).isCurrent(shipped)).as("repaired").isFalse();
        assertThat(history(row("1", "SQL", true), row("2", "SQL", true), row("3", "SQL", true)).isCurrent(shipped)).as("newer").isFalse();
    }

    private static MigrationVersion v(String version) {
        return MigrationVersion.fromVersion(version);
    }

    private static SchemaHistory.Row row(String version, String type, boolean success) {
        return new SchemaHistory.Row(v(version), type, success);
    }

    private static SchemaHistory history(SchemaHistory.Row... rows) {
        return new SchemaHistory(List.of(rows));
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file;
    }

    private static void sql(Path file, String statement) throws SQLException {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url(file));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static TreeSet<MigrationVersion> versions(Path file) throws SQLException {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url(file));
        try (Connection c = ds.getConnection()) {
            return SchemaHistory.read(c).rows().stream().map(SchemaHistory.Row::version).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
