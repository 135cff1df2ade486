package app.facet.core.catalog;

import app.facet.core.editor.ScannedLibrary;
import app.facet.core.testing.FileHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 10, version safety: a catalog Facet must not write is refused before anything touches it. */
class CatalogVersionSafetyTest {
    @TempDir
    Path dir;

    @Test
    void aCatalogWrittenByANewerFacetIsRefusedAndLeftByteIdentical() throws Exception {
        Path catalogFile;
        try (ScannedLibrary lib = ScannedLibrary.scan(dir, "people/joe_biden/biden.jpg")) {
            assertThat(lib.number("SELECT count(*) FROM face_crops")).isPositive();
            lib.sql("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,"
                    + " execution_time, success) VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'a newer facet', 1, 1)");
            catalogFile = lib.catalog.location().catalogFile();
        }
        Map<String, String> before = FileHashes.of(dir.resolve("library"));
        String shipped = CatalogFileGuard.newestShipped().toString();

        assertThatThrownBy(() -> Catalog.open(new LibraryLocation(dir.resolve("library"))))
                .isInstanceOf(CatalogException.class)
                .hasMessage("This library was written by a newer Facet (schema v999; this Facet knows up to v" + shipped
                        + "). Update Facet to open it.");

        assertThat(FileHashes.of(dir.resolve("library"))).isEqualTo(before);
        assertThat(before).containsKey("catalog.sqlite");
        assertThat(Files.exists(catalogFile)).isTrue();
    }

    @Test
    void aCatalogOfTheShippedVersionStillOpens() throws Exception {
        Catalog.open(new LibraryLocation(dir));
        Catalog again = Catalog.open(new LibraryLocation(dir));
        try (var c = again.connect(); var rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history")) {
            assertThat(rs.getInt(1)).isPositive();
        }
    }

    @Test
    void aZeroByteCatalogIsRefusedNotReplacedByANewLibrary() throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("catalog.sqlite");
        Files.write(file, new byte[0]);

        assertThatThrownBy(() -> Catalog.open(new LibraryLocation(dir)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("is empty (0 bytes)").hasMessageContaining(file.toString());

        assertThat(Files.size(file)).isZero();
        assertThat(dir.resolve("catalog.sqlite-wal")).doesNotExist();
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedUnchanged() throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("catalog.sqlite");
        Files.writeString(file, "these are my holiday notes, not a database\n".repeat(200));
        Map<String, String> before = FileHashes.of(dir);

        assertThatThrownBy(() -> Catalog.open(new LibraryLocation(dir)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("is not an SQLite database");

        assertThat(FileHashes.of(dir)).isEqualTo(before);
    }
}
