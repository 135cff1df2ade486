package app.facet.core.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The change watch sees commits of other connections (another process opens its own), and only those made since the last look. */
class CatalogChangeWatchTest {
    @TempDir
    Path tmp;

    @Test
    void reportsACommitOfAnotherConnectionOnceAndNothingWhenIdle() throws Exception {
        LibraryLocation location = new LibraryLocation(tmp.resolve("lib"));
        Catalog catalog = Catalog.open(location);
        try (CatalogChangeWatch watch = CatalogChangeWatch.open(catalog)) {
            assertThat(watch.changed()).isFalse();
            // as another process would: its own connection, straight to the file
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + location.catalogFile());
                 Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO persons(name) VALUES ('Ada')");
            }
            assertThat(watch.changed()).isTrue();
            assertThat(watch.changed()).isFalse();

            try (Connection other = catalog.connect(); Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE persons SET name = 'Ada L' WHERE name = 'Ada'");
            }
            watch.acknowledge();
            assertThat(watch.changed()).as("a change acknowledged is not reported again").isFalse();
        }
    }

    @Test
    void aClosedWatchReportsNothing() throws Exception {
        LibraryLocation location = new LibraryLocation(tmp.resolve("lib"));
        Catalog catalog = Catalog.open(location);
        CatalogChangeWatch watch = CatalogChangeWatch.open(catalog);
        assertThat(watch.isClosed()).isFalse();
        watch.close();
        assertThat(watch.isClosed()).isTrue();
        try (Connection other = catalog.connect(); Statement s = other.createStatement()) {
            s.executeUpdate("INSERT INTO persons(name) VALUES ('Bo')");
        }
        assertThat(watch.changed()).isFalse();
        watch.close(); // twice is fine
    }
}
