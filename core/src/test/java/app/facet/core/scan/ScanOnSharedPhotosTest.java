package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogQueries;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.model.Face;
import app.facet.model.Photo;
import app.facet.model.ScanState;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on the real shared photos: real files, real OpenCV YuNet, real ONNX Runtime embeddings, a real
 * SQLite catalog. One scan is shared by the read-only assertions; tests that change files use their own copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanOnSharedPhotosTest {
    Path tmp;
    PhotoAnalyzer analyzer;
    Catalog catalog;
    Path photos;
    ScanSummary first;

    @BeforeAll
    void scanOnce(@TempDir Path dir) throws Exception {
        tmp = dir;
        analyzer = TestAnalyzers.withEmbeddings();
        photos = SharedMaterial.copyPhotos(tmp.resolve("photos"));
        catalog = Catalog.open(new LibraryLocation(tmp.resolve("lib")));
        first = new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(photos), false, 0, 2), ScanListener.NONE, new Cancellation());
    }

    @AfterAll
    void close() {
        analyzer.close();
    }

    @Test
    void everyLabelledPhotoHasAFaceCountWithinItsLabel() {
        Map<String, Photo> byPath = photosByRelativePath(catalog, photos);
        List<String> wrong = new ArrayList<>();
        for (SharedMaterial.Label label : SharedMaterial.labels()) {
            Photo p = byPath.get(label.path());
            assertThat(p).as("catalogued: %s", label.path()).isNotNull();
            if (p.faceCount() < label.minFaces() || p.faceCount() > label.maxFaces()) {
                wrong.add(label.path() + ": " + p.faceCount() + " faces, label says " + label.minFaces() + ".." + label.maxFaces());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(first.status()).isEqualTo("completed");
        assertThat(first.photosFailed()).isZero();
        assertThat(first.rejectedWrites()).isZero();
    }

    @Test
    void facesAreStoredWithEmbeddingsCropsAndValidRows() {
        List<Face> faces = new ArrayList<>();
        new CatalogQueries(catalog).forEachFace(faces::add);
        assertThat(faces).isNotEmpty().allSatisfy(f -> {
            assertThat(f.hasEmbedding()).isTrue();
            assertThat(Path.of(f.cropPath())).exists().startsWith(catalog.location().cropsDir());
            assertThat(f.imagePath()).doesNotStartWith(catalog.location().managedDir().toString());
            assertThat(f.status().sql()).isEqualTo("valid");
            assertThat(f.quality()).isNotNull();
        });
        assertThat(first.facesFound()).isEqualTo(faces.size());
    }

    @Test
    void thePhotoOfDogsHasNoFaceAndIsRecordedAsNoFaces() {
        Photo dogs = photosByRelativePath(catalog, photos).get("no_faces/dogs.jpg");
        assertThat(dogs.scanState()).isEqualTo(ScanState.NO_FACES);
        assertThat(dogs.faceCount()).isZero();
    }

    @Test
    void rescanningAddsNoRowsAndAnalysesNothing() throws Exception {
        List<Long> before = faceIds(catalog);
        ScanSummary again = new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(photos), false, 0, 2),
                ScanListener.NONE, new Cancellation());
        assertThat(again.photosAnalysed()).isZero();
        assertThat(again.photosUnchanged()).isEqualTo(first.photosSeen());
        assertThat(faceIds(catalog)).isEqualTo(before);
    }

    @Test
    void aMovedPhotoKeepsItsFacesAndADeletedOneIsMarkedMissing() throws Exception {
        Path mine = SharedMaterial.copyPhotos(tmp.resolve("move-photos"));
        Catalog cat = Catalog.open(new LibraryLocation(tmp.resolve("move-lib")));
        ScanService scan = new ScanService(cat, analyzer);
        scan.scan(new ScanOptions(List.of(mine), false, 0, 2), ScanListener.NONE, new Cancellation());
        Map<String, List<Long>> facesBefore = faceIdsByPath(cat);
        Path from = mine.resolve("groups/two_people.jpg");
        Path to = mine.resolve("renamed folder/été/two people.jpg");
        Files.createDirectories(to.getParent());
        Files.move(from, to);
        Files.delete(mine.resolve("people/joe_biden/biden.jpg"));

        ScanSummary s = scan.scan(new ScanOptions(List.of(mine), false, 0, 2), ScanListener.NONE, new Cancellation());

        assertThat(s.photosMoved()).isEqualTo(1);
        assertThat(s.photosMissing()).isEqualTo(1);
        assertThat(s.photosAnalysed()).isZero();
        Map<String, List<Long>> facesAfter = faceIdsByPath(cat);
        assertThat(facesAfter.get(to.toString())).isEqualTo(facesBefore.get(from.toString())).hasSize(2);
        Photo gone = photosByRelativePath(cat, mine).get("people/joe_biden/biden.jpg");
        assertThat(gone.missing()).isTrue();
        assertThat(facesAfter.get(mine.resolve("people/joe_biden/biden.jpg").toString())).hasSize(1);
    }

    @Test
    void aCancelledScanLeavesNoHalfWrittenPhotoAndTheNextRunFinishesTheRest() throws Exception {
        Catalog cat = Catalog.open(new LibraryLocation(tmp.resolve("cancel-lib")));
        Cancellation cancel = new Cancellation();
        ScanSummary partial = new ScanService(cat, analyzer).scan(new ScanOptions(List.of(photos), false, 0, 2), p -> {
            if (p.phase() == ScanPhase.ANALYSING && p.done() >= 4) {
                cancel.cancel();
            }
        }, cancel);
        assertThat(partial.status()).isEqualTo("cancelled");
        assertThat(partial.photosPending()).isPositive();
        // every photo is either untouched (pending, no faces) or completely written
        try (Connection c = cat.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM photos p WHERE scan_state = 'pending' AND EXISTS (SELECT 1 FROM face_crops f WHERE f.photo_id = p.id)")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }

        ScanSummary rest = new ScanService(cat, analyzer).scan(new ScanOptions(List.of(photos), false, 0, 2), ScanListener.NONE, new Cancellation());

        assertThat(rest.status()).isEqualTo("completed");
        assertThat(rest.photosPending()).isZero();
        assertThat(partial.photosAnalysed() + rest.photosAnalysed()).isEqualTo(first.photosSeen());
        assertThat(faceIds(cat)).hasSameSizeAs(faceIds(catalog));
    }

    @Test
    void limitAnalysesAtMostNAndDryRunWritesNothing() throws Exception {
        Catalog cat = Catalog.open(new LibraryLocation(tmp.resolve("limit-lib")));
        ScanSummary dry = new ScanService(cat, analyzer).scan(new ScanOptions(List.of(photos), true, 0, 2), ScanListener.NONE, new Cancellation());
        assertThat(dry.photosNew()).isEqualTo(first.photosSeen());
        assertThat(dry.photosPending()).isEqualTo(first.photosSeen());
        assertThat(countRows(cat, "photos")).isZero();
        assertThat(countRows(cat, "scan_runs")).isZero();

        ScanSummary limited = new ScanService(cat, analyzer).scan(new ScanOptions(List.of(photos), false, 3, 2), ScanListener.NONE, new Cancellation());
        assertThat(limited.photosAnalysed()).isEqualTo(3);
        assertThat(limited.photosPending()).isEqualTo(first.photosSeen() - 3);
    }

    static Map<String, Photo> photosByRelativePath(Catalog cat, Path root) {
        Map<String, Photo> out = new HashMap<>();
        new CatalogQueries(cat).forEachPhoto(p -> out.put(root.relativize(Path.of(p.path())).toString(), p));
        return out;
    }

    static List<Long> faceIds(Catalog cat) {
        List<Long> ids = new ArrayList<>();
        new CatalogQueries(cat).forEachFace(f -> ids.add(f.id()));
        ids.sort(Long::compare);
        return ids;
    }

    static Map<String, List<Long>> faceIdsByPath(Catalog cat) {
        Map<String, List<Long>> out = new HashMap<>();
        new CatalogQueries(cat).forEachFace(f -> out.computeIfAbsent(f.imagePath(), k -> new ArrayList<>()).add(f.id()));
        return out;
    }

    static long countRows(Catalog cat, String table) throws Exception {
        try (Connection c = cat.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
