package app.facet.core.library;

import app.facet.core.analysis.OpenCvPhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CropFileJanitor;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.integrity.CheckMode;
import app.facet.core.integrity.CheckNames;
import app.facet.core.integrity.IntegrityChecker;
import app.facet.core.integrity.IntegrityReport;
import app.facet.core.integrity.IntegrityRepairer;
import app.facet.core.people.ClusterService;
import app.facet.core.people.PeopleService;
import app.facet.core.people.PeopleThresholds;
import app.facet.core.people.UndoHistory;
import app.facet.core.scan.Cancellation;
import app.facet.core.scan.ScanListener;
import app.facet.core.scan.ScanOptions;
import app.facet.core.scan.ScanService;
import app.facet.core.scan.ScanSummary;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.model.AssignedBy;
import app.facet.model.Face;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 6: moving or renaming the library folder keeps every face valid (real photos, real scan, real
 * SQLite), and a catalog written before V65 (absolute crop paths) is converted when it is opened.
 */
class RelocatableLibraryTest {
    @TempDir
    Path tmp;

    @Test
    void aMovedLibraryFolderKeepsEveryFaceValidItsNamesAndItsClustering() throws Exception {
        Path photos = SharedMaterial.copyPhotos(tmp.resolve("photos"));
        Path first = tmp.resolve("library"), moved = tmp.resolve("renamed library");
        long named;
        int considered;
        long faces;
        try (OpenCvPhotoAnalyzer analyzer = TestAnalyzers.withEmbeddings()) {
            Catalog catalog = Catalog.open(new LibraryLocation(first));
            ScanSummary scan = new ScanService(catalog, analyzer).scan(ScanOptions.of(List.of(photos)), ScanListener.NONE, new Cancellation());
            assertThat(scan.status()).isEqualTo("completed");
            named = number(catalog, "SELECT min(id) FROM face_crops WHERE embedding IS NOT NULL");
            new PeopleService(catalog).assignFaceToNewPerson(named, "Ada Lovelace");
            faces = number(catalog, "SELECT count(*) FROM face_crops");
            considered = clusterer(catalog).cluster().facesConsidered();
            assertThat(faces).isGreaterThan(20);
            assertThat(strings(catalog, "SELECT crop_path FROM face_crops")).hasSize((int) faces)
                    .allSatisfy(p -> assertThat(p).startsWith("managed/crops/"));
        }
        List<Path> cropsBefore = files(first.resolve("managed/crops"), first);

        Files.move(first, moved);
        Catalog catalog = Catalog.open(new LibraryLocation(moved));

        IntegrityReport report = new IntegrityChecker(catalog).check(CheckMode.FULL);
        assertThat(report.checks()).allSatisfy(c -> assertThat(c.count()).as(c.name() + " " + c.samples()).isZero());
        assertThat(number(catalog, "SELECT count(*) FROM face_crops WHERE status = 'valid'")).isEqualTo(faces);
        List<Face> all = new PeopleService(catalog).faces(longs(catalog, "SELECT id FROM face_crops"));
        assertThat(all).hasSize((int) faces).allSatisfy(f -> assertThat(Path.of(f.cropPath())).isRegularFile().startsWith(moved));
        Face ada = new PeopleService(catalog).faces(List.of(named)).get(0);
        assertThat(ada.personName()).isEqualTo("Ada Lovelace");
        assertThat(ada.assignedBy()).isEqualTo(AssignedBy.USER);
        assertThat(clusterer(catalog).cluster().facesConsidered()).isEqualTo(considered).isEqualTo((int) faces - 1);
        assertThat(new IntegrityRepairer(catalog).plan().changes()).isEmpty();
        assertThat(new IntegrityRepairer(catalog).repair(app.facet.core.integrity.IntegrityProgress.NONE, () -> false)
                .changes()).isEmpty();
        assertThat(files(moved.resolve("managed/crops"), moved)).isEqualTo(cropsBefore);
    }

    @Test
    void anOldCatalogWithAbsoluteCropPathsIsConvertedWhenOpenedEvenAfterTheFolderMoved() throws Exception {
        LibraryLocation old = new LibraryLocation(tmp.resolve("old library"));
        Path photo = Files.copy(SharedMaterial.photo(SharedMaterial.labels().get(0).path()), tmp.resolve("photo.jpg"));
        Path crop = Files.createDirectories(old.cropsDir().resolve("01")).resolve("p1-r1-f0.jpg");
        Files.copy(photo, crop);
        Path queued = Files.copy(photo, old.cropsDir().resolve("01/p1-r0-f0.jpg"));
        String managed = old.managedDir() + java.io.File.separator;
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + old.catalogFile());
        // the catalog as Facet wrote it before V65: absolute crop paths inside the managed folder
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("60").load().migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO library_settings (key, value) VALUES ('managed_dir', '" + managed + "')");
            st.executeUpdate("INSERT INTO photos (id, path, size_bytes, mtime_ms, width, height, scan_state) VALUES (1, '"
                    + photo + "', " + Files.size(photo) + ", 0, 100, 100, 'done')");
            st.executeUpdate("INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, detection_score, detector) VALUES (1, '"
                    + photo + "', '" + crop + "', 10, 10, 40, 40, 0.9, 'yunet')");
            st.executeUpdate("INSERT INTO crop_files_to_delete (path) VALUES ('" + queued + "')");
            assertThat(number(c, "SELECT count(*) FROM face_crops WHERE crop_path = '" + crop + "'")).isEqualTo(1);
        }
        Path renamed = tmp.resolve("renamed");
        Files.move(old.root(), renamed);

        Catalog catalog = Catalog.open(new LibraryLocation(renamed));

        assertThat(strings(catalog, "SELECT crop_path FROM face_crops")).containsExactly("managed/crops/01/p1-r1-f0.jpg");
        assertThat(strings(catalog, "SELECT path FROM crop_files_to_delete")).containsExactly("managed/crops/01/p1-r0-f0.jpg");
        IntegrityReport report = new IntegrityChecker(catalog).check(CheckMode.FULL);
        assertThat(report.checks()).filteredOn(c -> List.of(CheckNames.CROP_PATH_OUTSIDE_MANAGED, CheckNames.CROP_FILE_MISSING,
                CheckNames.SCHEMA_TRIGGERS).contains(c.name())).hasSize(3).allSatisfy(c -> assertThat(c.count()).as(c.name()).isZero());
        assertThat(new CropFileJanitor(catalog).sweep()).isEqualTo(1); // the queued file, found where the library is now
        assertThat(renamed.resolve("managed/crops/01/p1-r0-f0.jpg")).doesNotExist();
        assertThat(renamed.resolve("managed/crops/01/p1-r1-f0.jpg")).isRegularFile();
    }

    private static ClusterService clusterer(Catalog catalog) {
        return new ClusterService(catalog, PeopleThresholds.MOBILEFACENET_DEFAULTS, new UndoHistory());
    }

    private static List<Path> files(Path dir, Path base) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(base::relativize).sorted().toList();
        }
    }

    private static long number(Catalog catalog, String sql) throws Exception {
        try (Connection c = catalog.connect()) {
            return number(c, sql);
        }
    }

    private static long number(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> longs(Catalog catalog, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        for (String s : strings(catalog, sql)) {
            out.add(Long.parseLong(s));
        }
        return out;
    }

    private static List<String> strings(Catalog catalog, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
