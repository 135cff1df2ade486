package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogWriter;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.PendingPhoto;
import app.facet.core.integrity.CheckMode;
import app.facet.core.integrity.CheckNames;
import app.facet.core.integrity.IntegrityChecker;
import app.facet.core.integrity.ScanProcess;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.core.validation.FaceCropWriter;
import app.facet.core.validation.FaceRowRevalidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, items 2, 3, 4 and 9, end to end on the real shared photos (real OpenCV, ONNX Runtime, SQLite): one scan per
 * library, compare-and-set face writes, a full disk, retries of failures that may heal, killed runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanFaultsTest {
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

    // ---- item 2: one scan per library, compare-and-set -------------------------------------------------------------

    @Test
    void aSecondScanWhileOneIsLiveIsRefusedNamingIt() throws Exception {
        Path dir = folder("two", "people/barack_obama/obama.jpg", "groups/two_people.jpg", "no_faces/dogs.jpg");
        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("two-lib")));
        CountDownLatch analysing = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<ScanSummary> first = CompletableFuture.supplyAsync(() -> new ScanService(catalog, analyzer)
                .scan(new ScanOptions(List.of(dir), false, 0, 1), p -> {
                    if (p.phase() == ScanPhase.ANALYSING) {
                        analysing.countDown();
                        await(release);
                    }
                }, new Cancellation()));
        assertThat(analysing.await(120, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> scan(catalog, dir))
                    .isInstanceOf(ScanAlreadyRunningException.class)
                    .hasMessageContaining("pid " + ScanProcess.currentPid())
                    .hasMessageContaining("host " + ScanProcess.currentHost())
                    .hasMessageContaining("started 20");
        } finally {
            release.countDown();
        }
        assertThat(first.get(120, TimeUnit.SECONDS).photosAnalysed()).isEqualTo(3);
        // the lock went with the first scan: a later one runs
        assertThat(scan(catalog, dir).status()).isEqualTo("completed");
    }

    @Test
    void aStaleLockFileOfADeadScanIsTakenOver() throws Exception {
        Path dir = folder("stale", "people/joe_biden/biden.jpg");
        LibraryLocation location = new LibraryLocation(tmp.resolve("stale-lib"));
        Catalog catalog = Catalog.open(location);
        Files.writeString(location.root().resolve(ScanLock.FILE_NAME), deadPid() + " " + ScanProcess.currentHost() + " 2026-01-01T00:00:00Z");
        assertThat(scan(catalog, dir).photosAnalysed()).isEqualTo(1);
    }

    @Test
    void aPhotoWhoseStateChangedSinceTheScanReadItIsNotOverwritten() throws Exception {
        Path dir = folder("cas", "groups/two_people.jpg");
        LibraryLocation location = new LibraryLocation(tmp.resolve("cas-lib"));
        Catalog catalog = Catalog.open(location);
        scan(catalog, dir);
        long photoId = count(catalog, "SELECT id FROM photos");
        String hash = string(catalog, "SELECT content_hash FROM photos");
        List<Long> faceIdsBefore = longs(catalog, "SELECT id FROM face_crops ORDER BY id");
        assertThat(faceIdsBefore).hasSizeGreaterThanOrEqualTo(2);
        // the user's decision on the photo's first face
        sql(catalog, "UPDATE face_crops SET not_a_face = 1 WHERE id = " + faceIdsBefore.get(0));

        // a scan that read the photo while it was still pending (e.g. a second scan's stale list) writes it now
        PendingPhoto stale = new PendingPhoto(photoId, dir.resolve("two_people.jpg").toString(), hash);
        AnalysisStage stage = new AnalysisStage(analyzer, new CropFiles(location.cropsDir()), 99);
        PhotoResult result = stage.analyse(stale);
        PhotoOutcome outcome;
        try (CatalogWriter writer = new CatalogWriter(catalog)) {
            PhotoSink sink = new PhotoSink(writer, new FaceCropWriter(ManagedFolder.of(location.managedDir()), location.cropsDir()),
                    new FaceRowRevalidator(catalog), analyzer, new CropFiles(location.cropsDir()), 99);
            outcome = sink.write(result);
        }

        assertThat(outcome.analysed()).isFalse();
        assertThat(longs(catalog, "SELECT id FROM face_crops ORDER BY id")).isEqualTo(faceIdsBefore);
        assertThat(count(catalog, "SELECT not_a_face FROM face_crops WHERE id = " + faceIdsBefore.get(0))).isEqualTo(1);
        // the stale result's crop files were removed with it
        for (String crop : ((PhotoResult.Analysed) result).cropPaths()) {
            assertThat(Path.of(crop)).doesNotExist();
        }
    }

    // ---- item 3: a full disk ---------------------------------------------------------------------------------------

    @Test
    void theMarginLogicReportsMegabytesFreeAndTheFolder() {
        Path lib = tmp.resolve("any");
        FreeSpaceGuard guard = new FreeSpaceGuard(lib, FreeSpaceGuard.DEFAULT_MARGIN_BYTES, f -> 10L << 20);
        assertThat(guard.shortage()).hasValue("disk full: 10 MB free in " + lib + " (the scan needs at least 64 MB)");
        assertThat(new FreeSpaceGuard(lib, FreeSpaceGuard.DEFAULT_MARGIN_BYTES, f -> 64L << 20).shortage()).isEmpty();
        assertThat(new FreeSpaceGuard(lib, 0, f -> 0).shortage()).isEmpty();
        assertThat(new FreeSpaceGuard(lib, FreeSpaceGuard.DEFAULT_MARGIN_BYTES, f -> {
            throw new java.io.IOException("gone");
        }).shortage()).isEmpty();
    }

    @Test
    void theDiskFillingDuringAScanStopsItLikeACancelLeavingTheRestPending() throws Exception {
        Path dir = SharedMaterial.copyPhotos(tmp.resolve("filling"));
        LibraryLocation location = new LibraryLocation(tmp.resolve("filling-lib"));
        Catalog catalog = Catalog.open(location);
        AtomicInteger probes = new AtomicInteger();
        // plenty of room for the start and the first few photos, then the disk is nearly full
        FreeSpaceGuard.Probe probe = f -> probes.incrementAndGet() <= 5 ? 1L << 30 : 3L << 20;
        Cancellation cancellation = new Cancellation();

        ScanSummary s = new ScanService(catalog, analyzer, probe, FreeSpaceGuard.DEFAULT_MARGIN_BYTES)
                .scan(new ScanOptions(List.of(dir), false, 0, 2), ScanListener.NONE, cancellation);

        assertThat(s.status()).isEqualTo("cancelled");
        assertThat(cancellation.reason()).startsWith("disk full: 3 MB free in " + location.root());
        assertThat(s.photosAnalysed()).isBetween(1L, 6L);
        assertThat(s.photosPending()).isPositive();
        assertThat(count(catalog, "SELECT count(*) FROM photos p WHERE scan_state = 'pending' "
                + "AND EXISTS (SELECT 1 FROM face_crops f WHERE f.photo_id = p.id)")).isZero();
        assertThat(unreferencedCropFiles(catalog, location)).isEmpty();
        // the next scan with room finishes the rest
        ScanSummary rest = scan(catalog, dir);
        assertThat(rest.photosPending()).isZero();
        assertThat(rest.photosAnalysed()).isEqualTo(s.photosPending());
    }

    // ---- item 4: retry what may heal -------------------------------------------------------------------------------

    @Test
    void photosOfAFolderUnpluggedDuringAScanAreRetriedWhenItIsBack() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("drive"));
        SharedMaterial.copyPhotos(dir.resolve("kept"));
        Path sub = SharedMaterial.copyPhotos(dir.resolve("unplugged"));
        Path away = tmp.resolve("away");
        long inSub;
        try (Stream<Path> s = Files.walk(sub)) {
            inSub = s.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png")).count();
        }
        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("drive-lib")));
        ScanSummary first = new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(dir), false, 0, 2), p -> {
            if (p.phase() == ScanPhase.ANALYSING && p.done() == 0 && Files.exists(sub)) {
                move(sub, away);
            }
        }, new Cancellation());
        assertThat(first.failureReasons()).containsKey("unreadable");
        long transientFailed = count(catalog, "SELECT count(*) FROM photos WHERE failure_reason LIKE 'unreadable:%'");
        assertThat(transientFailed).isGreaterThanOrEqualTo(inSub - 1);
        assertThat(new IntegrityChecker(catalog).check(CheckMode.QUICK).count(CheckNames.PHOTO_FAILED_TRANSIENT))
                .isEqualTo(transientFailed);

        scan(catalog, dir); // while the drive is away: marked missing, nothing lost
        move(away, sub);
        ScanSummary back = scan(catalog, dir);

        assertThat(back.photosAnalysed()).isEqualTo(transientFailed);
        assertThat(count(catalog, "SELECT count(*) FROM photos WHERE scan_state IN ('failed', 'pending')"))
                .isEqualTo(count(catalog, "SELECT count(*) FROM photos WHERE scan_state = 'failed' AND failure_reason NOT LIKE 'unreadable:%'"));
        assertThat(new IntegrityChecker(catalog).check(CheckMode.QUICK).count(CheckNames.PHOTO_FAILED_TRANSIENT)).isZero();
        // same faces as the half of the library that was never away
        assertThat(count(catalog, "SELECT count(*) FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path LIKE '%/unplugged/%'"))
                .isEqualTo(count(catalog, "SELECT count(*) FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path LIKE '%/kept/%'"));
    }

    @Test
    void aPermanentFailureIsRetriedWhenTheFileChangesOrOnRequest() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("corrupt"));
        byte[] jpeg = Files.readAllBytes(SharedMaterial.photo("people/barack_obama/obama.jpg"));
        Path broken = dir.resolve("broken.jpg");
        Files.write(broken, java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("corrupt-lib")));
        assertThat(scan(catalog, dir).photosFailed()).isEqualTo(1);

        assertThat(scan(catalog, dir).photosAnalysed()).isZero();
        Files.setLastModifiedTime(broken, FileTime.fromMillis(Files.getLastModifiedTime(broken).toMillis() - 60_000));
        assertThat(scan(catalog, dir).photosAnalysed()).isEqualTo(1);
        assertThat(scan(catalog, dir).photosAnalysed()).isZero();
        ScanSummary asked = new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(dir), false, 0, 1, true),
                ScanListener.NONE, new Cancellation());
        assertThat(asked.photosAnalysed()).isEqualTo(1);
        assertThat(asked.failureReasons()).containsOnlyKeys("corrupt_image");
    }

    @Test
    void aFileNameThatIsNotValidUtf8IsRecordedWithItsTrueReason() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("names"));
        Process cp = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$2/$(printf 'bad\\377name.jpg')\"", "sh",
                SharedMaterial.photo("people/barack_obama/obama.jpg").toString(), dir.toString()).inheritIO().start();
        assertThat(cp.waitFor()).isZero();
        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("names-lib")));
        scan(catalog, dir);
        assertThat(string(catalog, "SELECT failure_reason FROM photos")).startsWith("bad_file_name: ").contains("not valid UTF-8");
    }

    // ---- item 9: killed runs ---------------------------------------------------------------------------------------

    @Test
    void aKilledRunIsMarkedCancelledAndItsOrphanCropsRemovedAtTheNextStart() throws Exception {
        Path dir = folder("killed", "people/joe_biden/biden.jpg");
        LibraryLocation location = new LibraryLocation(tmp.resolve("killed-lib"));
        Catalog catalog = Catalog.open(location);
        sql(catalog, "INSERT INTO scan_runs (roots, detector, pid, host) VALUES ('[]', 'yunet', " + deadPid() + ", '"
                + ScanProcess.currentHost() + "')");
        sql(catalog, "INSERT INTO scan_runs (roots, detector, pid, host) VALUES ('[]', 'yunet', 1, 'another-machine')");
        Path orphan = Files.createDirectories(location.cropsDir().resolve("07")).resolve("p7-r1-f0.jpg");
        Files.write(orphan, new byte[]{1, 2, 3});

        scan(catalog, dir);

        assertThat(string(catalog, "SELECT status FROM scan_runs WHERE id = 1")).isEqualTo("cancelled");
        // another host's run cannot be judged from here: left as it is
        assertThat(string(catalog, "SELECT status FROM scan_runs WHERE id = 2")).isEqualTo("running");
        assertThat(orphan).doesNotExist();
        assertThat(unreferencedCropFiles(catalog, location)).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private ScanSummary scan(Catalog catalog, Path dir) {
        return new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(dir), false, 0, 2), ScanListener.NONE,
                new Cancellation());
    }

    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Path> unreferencedCropFiles(Catalog catalog, LibraryLocation location) throws Exception {
        List<String> referenced = new ArrayList<>();
        try (Connection c = catalog.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT crop_path FROM face_crops WHERE crop_path IS NOT NULL")) {
            while (rs.next()) {
                referenced.add(location.root().resolve(rs.getString(1)).normalize().toString());
            }
        }
        if (!Files.isDirectory(location.cropsDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(location.cropsDir())) {
            return files.filter(Files::isRegularFile).filter(f -> !referenced.contains(f.normalize().toString())).toList();
        }
    }

    private Path folder(String name, String... photos) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (String p : photos) {
            Files.copy(SharedMaterial.photo(p), dir.resolve(Path.of(p).getFileName()));
        }
        return dir;
    }

    static void sql(Catalog catalog, String sql) throws Exception {
        try (Connection c = catalog.connect(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    static long count(Catalog catalog, String query) throws Exception {
        try (Connection c = catalog.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String string(Catalog catalog, String query) throws Exception {
        try (Connection c = catalog.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static List<Long> longs(Catalog catalog, String query) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = catalog.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
