package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.core.validation.FaceRowRevalidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan's sink on real photos: each photo is written once per transaction (its image size once), and only the rows
 * a scan writes are checked after the write; whole-library re-validation is left to the integrity check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanSinkTest {
    @TempDir
    Path tmp;
    PhotoAnalyzer analyzer;

    @BeforeAll
    void open() {
        analyzer = TestAnalyzers.withEmbeddings();
    }

    @AfterAll
    void close() {
        analyzer.close();
    }

    @Test
    void eachAnalysedPhotoHasItsImageSizeWrittenOnce() throws Exception {
        Path dir = folder("once", "people/barack_obama/obama.jpg", "groups/two_people.jpg", "no_faces/dogs.jpg");
        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("once-lib")));
        sql(catalog, "CREATE TABLE test_size_writes (photo_id INTEGER NOT NULL)");
        sql(catalog, "CREATE TRIGGER test_count_size_writes AFTER UPDATE OF width, height ON photos "
                + "BEGIN INSERT INTO test_size_writes VALUES (NEW.id); END");

        ScanSummary s = scan(catalog, dir);

        assertThat(s.photosAnalysed()).isEqualTo(3);
        assertThat(s.facesFound()).isEqualTo(3);
        assertThat(count(catalog, "SELECT count(*) FROM photos WHERE width IS NOT NULL")).isEqualTo(3);
        assertThat(count(catalog, "SELECT count(*) FROM test_size_writes")).isEqualTo(3);
        assertThat(count(catalog, "SELECT count(DISTINCT photo_id) FROM test_size_writes")).isEqualTo(3);
    }

    @Test
    void aScanChecksTheRowsItWroteNotEveryRowOfTheLibrary() throws Exception {
        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("scoped-lib")));
        ScanSummary first = scan(catalog, folder("a", "people/barack_obama/obama.jpg"));
        assertThat(first.facesFound()).isEqualTo(1);
        // plant a row that breaks the rules on the photo already scanned, with the guard dropped as a legacy import would
        String crop = cropOfFirstFace(catalog);
        sql(catalog, "DROP TRIGGER face_crops_guard_insert");
        sql(catalog, "INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, detection_score, detector) "
                + "SELECT photo_id, crop_path, crop_path, 1, 1, 20, 20, 0.8, 'legacy' FROM face_crops LIMIT 1");

        ScanSummary other = scan(catalog, folder("b", "people/joe_biden/biden.jpg"));

        assertThat(other.facesFound()).isEqualTo(1);
        assertThat(other.invalidFlagged()).isZero();
        assertThat(count(catalog, "SELECT count(*) FROM face_crops WHERE status = 'invalid'")).isZero();
        // the planted row does break the rules: the whole-library pass (integrity check, dashboard) flags it
        assertThat(new FaceRowRevalidator(catalog).run().flaggedInvalid()).isEqualTo(1);
        assertThat(count(catalog, "SELECT count(*) FROM face_crops WHERE status = 'invalid' AND image_path = '"
                + crop.replace("'", "''") + "'")).isEqualTo(1);
    }

    private ScanSummary scan(Catalog catalog, Path dir) {
        return new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(dir), false, 0, 2), ScanListener.NONE,
                new Cancellation());
    }

    private Path folder(String name, String... photos) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (String p : photos) {
            Files.copy(SharedMaterial.photo(p), dir.resolve(Path.of(p).getFileName()));
        }
        return dir;
    }

    private static String cropOfFirstFace(Catalog catalog) throws Exception {
        try (Connection c = catalog.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT crop_path FROM face_crops ORDER BY id LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void sql(Catalog catalog, String sql) throws Exception {
        try (Connection c = catalog.connect(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static long count(Catalog catalog, String query) throws Exception {
        try (Connection c = catalog.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
