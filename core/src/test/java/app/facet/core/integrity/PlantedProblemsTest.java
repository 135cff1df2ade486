package app.facet.core.integrity;

import app.facet.core.rules.FaceRowRules;

import app.facet.core.testing.FileHashes;
import app.facet.core.testing.LibraryFixture;
import app.facet.core.testing.LibraryFixture.FaceRow;
import app.facet.core.testing.LibraryFixture.PhotoRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static app.facet.core.integrity.CheckNames.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plants every kind of problem in a real catalog built from the shared photos (raw SQL with the guard triggers dropped,
 * foreign keys off where needed, files deleted and moved), then: the check finds exactly those, the dry run changes
 * not one byte, the repair fixes them after a backup, and a second check is clean.
 */
class PlantedProblemsTest {
    @TempDir
    Path dir;
    LibraryFixture fx;
    /** check name to the count planted */
    final Map<String, Long> planted = new HashMap<>();

    FaceRow f1, f3, f4, f5, f8, f9, f10, f11, f12, f13, f14, f15;
    PhotoRow moved, deleted, rose2;
    Path movedTo;
    long bogusResolvable, bogusLost, bogusResolvableFace, bogusLostFace, duplicateFace;

    @BeforeEach
    void plant() throws Exception {
        fx = LibraryFixture.build(dir);
        String crops = fx.location().cropsDir().toString();
        fx.dropGuardTriggers();
        expect(SCHEMA_TRIGGERS, 4);

        // the old corruption: a face whose image_path is its own crop (photo_id still right)
        f1 = only("people/barack_obama/obama3.jpg");
        fx.sql("UPDATE face_crops SET image_path = crop_path WHERE id = " + f1.id());
        expect(FACE_IMAGE_PATH_IS_CROP, 1);

        // a crop catalogued as a photo, resolvable through another face's crop_path; and one that is not resolvable
        rose2 = fx.photo("people/rose_leslie/rose2.jpg");
        FaceRow roseFace = only("people/rose_leslie/rose2.jpg");
        bogusResolvable = insertPhoto(roseFace.cropPath().toString());
        bogusResolvableFace = insertFace(bogusResolvable, roseFace.cropPath().toString());
        bogusLost = insertPhoto(crops + "/lost-crop.jpg");
        bogusLostFace = insertFace(bogusLost, crops + "/lost-crop.jpg");
        expect(PHOTO_PATH_IN_MANAGED_DIR, 2);
        expect(FACE_IMAGE_PATH_IS_CROP, 2);
        expect(FACE_PHOTO_MISSING, 1); // lost-crop.jpg is not on disk

        f3 = only("people/barack_obama/obama4.jpg");
        fx.sql("UPDATE face_crops SET image_path = '" + fx.photosDir().resolve("old/obama4.jpg") + "' WHERE id = " + f3.id());
        expect(FACE_IMAGE_PATH_MISMATCH, 1);

        // the reverse corruption: a crop_path naming the original photo (which must never be deleted)
        f4 = only("people/alex_lacamoire/alex2.jpg");
        fx.sql("UPDATE face_crops SET crop_path = image_path WHERE id = " + f4.id());
        expect(CROP_PATH_OUTSIDE_MANAGED, 1);
        expect(ORPHAN_CROP_FILES, 1); // f4's old crop file is now unreferenced
        Files.writeString(fx.location().cropsDir().resolve("stray.jpg"), "not referenced");
        expect(ORPHAN_CROP_FILES, 1);

        f5 = only("people/alex_lacamoire/alex3.jpg");
        Files.delete(f5.cropPath());
        expect(CROP_FILE_MISSING, 1);

        moved = fx.photo("people/joe_biden/biden.jpg");
        movedTo = fx.photosDir().resolve("moved/biden.jpg");
        Files.createDirectories(movedTo.getParent());
        Files.move(moved.path(), movedTo);
        deleted = fx.photo("people/barack_obama/obama-720p.jpg");
        Files.delete(deleted.path());
        expect(FACE_PHOTO_MISSING, 2);

        f8 = fx.facesOf("groups/obama_and_biden.jpg").get(2);
        // a sub-pixel box can only come from a writer without V50's guard (a legacy catalog): plant it so, then guard again
        fx.dropBoxTriggers();
        fx.sql("UPDATE face_crops SET w = 0.5 WHERE id = " + f8.id());
        fx.restoreBoxTriggers();
        expect(BOX_DEGENERATE, 1);

        f9 = only("people/rose_leslie/rose1.jpg");
        PhotoRow rose1 = fx.photo("people/rose_leslie/rose1.jpg");
        fx.sql("UPDATE face_crops SET x = " + (rose1.width() - f9.box().w() / 2) + " WHERE id = " + f9.id());
        expect(BOX_OUTSIDE_IMAGE, 1);

        f10 = only("people/kit_harington/kit1.jpg");
        fx.sql("UPDATE face_crops SET embedding = randomblob(100) WHERE id = " + f10.id());
        f11 = only("people/lin_manuel_miranda/lin-manuel-miranda.png");
        fx.sqlWithoutForeignKeys("UPDATE face_crops SET embedding_model_id = 'ghost' WHERE id = " + f11.id());
        expect(EMBEDDING_WRONG_SIZE_OR_MODEL, 2);
        expect(FOREIGN_KEYS, 1);

        f12 = only("edge/obama_small.jpg");
        scaleEmbedding(f12.id(), 2f);
        expect(EMBEDDING_NOT_NORMALISED, 1);

        f13 = only("edge/obama_partial_face.jpg");
        duplicateFace = insertFaceCopy(f13, 2);
        expect(DUPLICATE_FACES, 1);

        f14 = only("edge/obama_partial_face2.jpg");
        fx.sqlWithoutForeignKeys("UPDATE face_crops SET person_id = 9999 WHERE id = " + f14.id());
        f15 = fx.facesOf("groups/two_people.jpg").get(1);
        fx.sqlWithoutForeignKeys("UPDATE face_crops SET photo_id = 8888 WHERE id = " + f15.id());
        expect(FOREIGN_KEYS, 2);

        fx.sql("UPDATE persons SET cover_face_id = " + f9.id() + " WHERE name = 'kit_harington'");
        expect(PERSON_COVER_INVALID, 1);
        fx.sql("INSERT INTO persons (name) VALUES ('Nobody')");
        expect(PERSON_WITHOUT_FACES, 1);
        fx.sql("UPDATE photos SET scan_state = 'no_faces' WHERE id = " + fx.photo("people/alex_lacamoire/alex-lacamoire.png").id(),
                "UPDATE photos SET scan_state = 'done' WHERE id = " + fx.photo("no_faces/dogs.jpg").id());
        expect(PHOTO_SCAN_STATE_INCONSISTENT, 2);

        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        fx.sql("INSERT INTO scan_runs (started_at, status, roots) VALUES ('2026-02-01T00:00:00.000Z', 'running', json_array('" + fx.photosDir() + "'))",
                "INSERT INTO scan_runs (started_at, status, roots, pid, host) VALUES ('2026-02-02T00:00:00.000Z', 'running', json_array('"
                        + fx.photosDir() + "'), " + dead.pid() + ", '" + ScanProcess.currentHost() + "')");
        expect(SCAN_RUN_STUCK, 2);

        // last, so no later write recounts it: a stale cached count
        fx.sql("UPDATE persons SET face_count = 99 WHERE name = 'rose_leslie'");
        expect(PERSON_COUNTS_STALE, 1);

        damageIndex();
    }

    @Test
    void checkFindsExactlyThePlantedProblems() {
        IntegrityReport full = new IntegrityChecker(fx.catalog()).check(CheckMode.FULL);

        for (CheckResult c : full.checks()) {
            if (c.name().equals(SQLITE_INTEGRITY)) {
                assertThat(c.count()).as(c.name()).isPositive();
                assertThat(c.samples()).allSatisfy(s -> assertThat(s.detail()).contains("photos_taken_at"));
            } else {
                assertThat(c.count()).as(c.name() + " " + c.samples()).isEqualTo(planted.getOrDefault(c.name(), 0L));
            }
        }
        assertThat(full.result(FACE_IMAGE_PATH_IS_CROP).orElseThrow().samples()).extracting(Sample::id)
                .containsExactly(f1.id(), bogusResolvableFace, bogusLostFace);
        assertThat(full.result(FOREIGN_KEYS).orElseThrow().samples()).extracting(Sample::detail)
                .anyMatch(d -> d.contains("embedding_model_id")).anyMatch(d -> d.contains("person_id")).anyMatch(d -> d.contains("photo_id"));

        IntegrityReport quick = new IntegrityChecker(fx.catalog()).check(CheckMode.QUICK);
        assertThat(quick.count(FACE_IMAGE_PATH_IS_CROP)).isEqualTo(3);
        assertThat(quick.count(SCHEMA_TRIGGERS)).isEqualTo(4);
        assertThat(quick.result(CROP_FILE_MISSING)).isEmpty();
    }

    @Test
    void dryRunListsTheChangesAndChangesNotOneByte() throws Exception {
        Map<String, String> libraryBefore = FileHashes.of(fx.location().root());
        Map<String, String> photosBefore = FileHashes.of(fx.photosDir());

        RepairResult dry = new IntegrityRepairer(fx.catalog()).dryRun();

        assertThat(FileHashes.of(fx.location().root())).isEqualTo(libraryBefore);
        assertThat(FileHashes.of(fx.photosDir())).isEqualTo(photosBefore);
        assertThat(libraryBefore).containsKey("catalog.sqlite");
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.backup()).isNull();
        assertThat(dry.after()).isNull();
        assertThat(dry.changes()).allSatisfy(c -> assertThat(c.outcome()).isIn(Outcome.PLANNED, Outcome.LEFT_FOR_USER));
        assertThat(dry.changes()).extracting(c -> c.change().kind()).contains(ChangeKind.REINDEX, ChangeKind.RECREATE_TRIGGER,
                ChangeKind.REPOINT_FACE, ChangeKind.MERGE_INTO_ORIGINAL_PHOTO, ChangeKind.REMOVE_ROW, ChangeKind.RECUT_CROP,
                ChangeKind.MOVE_ORPHAN_CROP, ChangeKind.RELINK_PHOTO, ChangeKind.MARK_PHOTO_MISSING, ChangeKind.CLIP_BOX,
                ChangeKind.CLEAR_EMBEDDING, ChangeKind.NORMALISE_EMBEDDING, ChangeKind.MERGE_DUPLICATE_FACE, ChangeKind.UNASSIGN_FACE,
                ChangeKind.RECOUNT_PERSON, ChangeKind.CLEAR_COVER, ChangeKind.SET_SCAN_STATE, ChangeKind.CLOSE_SCAN_RUN);
        assertThat(dry.changes()).filteredOn(c -> c.change().kind() == ChangeKind.RELINK_PHOTO).singleElement()
                .satisfies(c -> assertThat(c.change().description()).contains(movedTo.toString()));
        assertThat(dry.changes()).filteredOn(c -> c.outcome() == Outcome.LEFT_FOR_USER).isEmpty();
    }

    @Test
    void repairFixesEverythingAfterABackupAndASecondCheckIsClean() throws Exception {
        RepairResult result = new IntegrityRepairer(fx.catalog()).repair(IntegrityProgress.NONE, () -> false);

        assertThat(result.changes()).allSatisfy(c -> assertThat(c.outcome()).as(c.change().description() + " " + c.note()).isEqualTo(Outcome.APPLIED));
        assertThat(result.after().problems()).as(result.after().problems().toString()).isEmpty();
        assertThat(new IntegrityChecker(fx.catalog()).check(CheckMode.FULL).isClean()).isTrue();
        assertThat(result.counts()).filteredOn(c -> c.check().equals(FACE_IMAGE_PATH_IS_CROP)).singleElement()
                .isEqualTo(new CountChange(FACE_IMAGE_PATH_IS_CROP, Severity.ERROR, 3, 0L));

        // the backup is a consistent copy of the catalog as it was before the repair
        assertThat(result.backup()).isRegularFile().hasParent(fx.location().backupsDir());
        try (Connection b = DriverManager.getConnection("jdbc:sqlite:" + result.backup());
             Statement st = b.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%guard%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }

        // recovery before deletion: re-pointed, not removed
        assertThat(fx.queryString("SELECT image_path FROM face_crops WHERE id = " + f1.id())).isEqualTo(fx.photo("people/barack_obama/obama3.jpg").path().toString());
        assertThat(fx.queryString("SELECT image_path FROM face_crops WHERE id = " + f3.id())).isEqualTo(fx.photo("people/barack_obama/obama4.jpg").path().toString());
        assertThat(fx.queryLong("SELECT photo_id FROM face_crops WHERE id = " + bogusResolvableFace)).isEqualTo(rose2.id());
        assertThat(fx.queryLong("SELECT count(*) FROM photos WHERE id IN (" + bogusResolvable + ", " + bogusLost + ")")).isZero();
        assertThat(fx.queryLong("SELECT photo_id FROM face_crops WHERE id = " + f15.id())).isEqualTo(fx.photo("groups/two_people.jpg").id());
        // only the unresolvable rows are removed, and kept with the reason
        assertThat(fx.queryLong("SELECT count(*) FROM face_crops WHERE id IN (" + bogusLostFace + ", " + f8.id() + ", " + duplicateFace + ")")).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM integrity_removed_rows WHERE table_name = 'face_crops' AND row_id IN ("
                + bogusLostFace + ", " + f8.id() + ", " + duplicateFace + ") AND backup_path = '" + fx.location().toStored(result.backup()) + "'")).isEqualTo(3);
        assertThat(fx.queryString("SELECT reason FROM integrity_removed_rows WHERE table_name = 'photos' AND row_id = " + bogusLost))
                .contains("no original photo found");
        assertThat(fx.queryString("SELECT json_extract(row_json, '$.w') FROM integrity_removed_rows WHERE row_id = " + f8.id())).isEqualTo("0.5");
        assertThat(fx.queryString("SELECT json_extract(row_json, '$.image_path') FROM integrity_removed_rows WHERE row_id = " + bogusLostFace))
                .endsWith("lost-crop.jpg");
        // the duplicate's original keeps its person
        assertThat(fx.queryString("SELECT p.name FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE f.id = " + f13.id())).isEqualTo("barack_obama");

        // the original photo named as crop_path is untouched and never queued for deletion; the face has a new crop
        assertThat(fx.photo("people/alex_lacamoire/alex2.jpg").path()).isRegularFile();
        assertThat(fx.queryLong("SELECT count(*) FROM crop_files_to_delete WHERE path NOT LIKE '" + fx.location().managedDir() + "%'")).isZero();
        assertThat(fx.location().resolve(fx.queryString("SELECT crop_path FROM face_crops WHERE id = " + f4.id()))).isRegularFile()
                .startsWith(fx.location().cropsDir());
        assertThat(f5.cropPath()).isRegularFile();
        assertThat(Files.readAllBytes(f5.cropPath())).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(fx.location().cropsDir().resolve("stray.jpg")).doesNotExist();
        assertThat(Files.list(fx.location().backupsDir()).map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.startsWith("orphan-crops-")).anyMatch(n -> n.startsWith("removed-crops-"));

        // moved photo followed; deleted photo marked missing with its face and name kept
        assertThat(fx.queryString("SELECT path FROM photos WHERE id = " + moved.id())).isEqualTo(movedTo.toString());
        assertThat(fx.queryString("SELECT image_path FROM face_crops WHERE photo_id = " + moved.id())).isEqualTo(movedTo.toString());
        assertThat(fx.queryString("SELECT missing_since FROM photos WHERE id = " + deleted.id())).isNotNull();
        assertThat(fx.queryString("SELECT p.name FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE f.photo_id = " + deleted.id()))
                .isEqualTo("barack_obama");

        assertThat(fx.queryString("SELECT x + w FROM face_crops WHERE id = " + f9.id())).isEqualTo(fx.photo("people/rose_leslie/rose1.jpg").width() + ".0");
        assertThat(fx.queryLong("SELECT count(*) FROM face_crops WHERE id IN (" + f10.id() + ", " + f11.id() + ") AND embedding IS NULL")).isEqualTo(2);
        assertThat(FaceRowRules.norm(app.facet.core.catalog.Embeddings.fromBytes(blob(f12.id())))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(fx.queryString("SELECT assigned_by FROM face_crops WHERE id = " + f14.id())).isEqualTo("none");
        assertThat(fx.queryLong("SELECT count(*) FROM persons WHERE name = 'Nobody'")).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM scan_runs WHERE status = 'running'")).isZero();
    }

    @Test
    void aSecondRepairFindsNothingToDo() {
        new IntegrityRepairer(fx.catalog()).repair(IntegrityProgress.NONE, () -> false);

        RepairPlan again = new IntegrityRepairer(fx.catalog()).plan();

        assertThat(again.isEmpty()).isTrue();
        assertThat(again.changes()).isEmpty();
        assertThat(new IntegrityRepairer(fx.catalog()).apply(again, IntegrityProgress.NONE, () -> false).backup()).isNull();
    }

    @Test
    void eachChangeIsRecheckedJustBeforeItIsMade() throws Exception {
        RepairPlan plan = new IntegrityRepairer(fx.catalog()).plan();
        // the user fixes one thing by hand after the preview
        fx.sql("UPDATE face_crops SET image_path = '" + fx.photo("people/barack_obama/obama4.jpg").path() + "' WHERE id = " + f3.id());

        RepairResult result = new IntegrityRepairer(fx.catalog()).apply(plan, IntegrityProgress.NONE, () -> false);

        assertThat(result.changes()).filteredOn(c -> f3.id() == orZero(c.change().id()) && c.change().check().equals(FACE_IMAGE_PATH_MISMATCH))
                .singleElement().satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(Outcome.SKIPPED_STALE);
                    assertThat(c.note()).contains("changed since the plan");
                });
        assertThat(result.after().isClean()).isTrue();
    }

    @Test
    void aFailingChangeRollsBackItsWholeCheckAndTheRestIsApplied() throws Exception {
        RepairPlan plan = new IntegrityRepairer(fx.catalog()).plan();
        fx.sql("CREATE TRIGGER refuse_box_change BEFORE UPDATE OF x ON face_crops BEGIN SELECT RAISE(ABORT, 'box is frozen'); END");

        RepairResult result = new IntegrityRepairer(fx.catalog()).apply(plan, IntegrityProgress.NONE, () -> false);

        assertThat(result.changes()).filteredOn(c -> c.change().check().equals(BOX_OUTSIDE_IMAGE)).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(c.note()).contains("box is frozen");
        });
        assertThat(fx.queryString("SELECT x FROM face_crops WHERE id = " + f9.id())).isEqualTo(String.valueOf(fx.photo("people/rose_leslie/rose1.jpg").width() - f9.box().w() / 2));
        assertThat(result.after().count(BOX_OUTSIDE_IMAGE)).isEqualTo(1);
        assertThat(result.after().count(FACE_IMAGE_PATH_IS_CROP)).isZero();
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    private void expect(String check, long n) {
        planted.merge(check, n, Long::sum);
    }

    private FaceRow only(String photo) {
        return fx.facesOf(photo).stream().filter(f -> f.assignedBy() != null).findFirst().orElseThrow();
    }

    private long insertPhoto(String path) throws Exception {
        fx.sql("INSERT INTO photos (path, size_bytes, mtime_ms, scan_state) VALUES ('" + path + "', 0, 0, 'done')");
        return fx.queryLong("SELECT id FROM photos WHERE path = '" + path + "'");
    }

    private long insertFace(long photoId, String imagePath) throws Exception {
        fx.sql("INSERT INTO face_crops (photo_id, image_path, x, y, w, h, detection_score, detector) VALUES ("
                + photoId + ", '" + imagePath + "', 1, 1, 10, 10, 0.9, 'legacy')");
        return fx.queryLong("SELECT max(id) FROM face_crops");
    }

    private long insertFaceCopy(FaceRow f, double shift) throws Exception {
        fx.sql("INSERT INTO face_crops (photo_id, image_path, x, y, w, h, detection_score, detector)"
                + " SELECT photo_id, image_path, x + " + shift + ", y + " + shift + ", w, h, 0.5, 'fixture' FROM face_crops WHERE id = " + f.id());
        return fx.queryLong("SELECT max(id) FROM face_crops");
    }

    private byte[] blob(long faceId) throws Exception {
        try (Connection c = fx.catalog().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT embedding FROM face_crops WHERE id = " + faceId)) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private void scaleEmbedding(long faceId, float factor) throws Exception {
        float[] v = app.facet.core.catalog.Embeddings.fromBytes(blob(faceId));
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        try (Connection c = fx.catalog().connect();
             java.sql.PreparedStatement ps = c.prepareStatement("UPDATE face_crops SET embedding = ? WHERE id = ?")) {
            ps.setBytes(1, app.facet.core.catalog.Embeddings.toBytes(v));
            ps.setLong(2, faceId);
            ps.executeUpdate();
        }
    }

    /** Makes an index disagree with its table (what a torn write does): its definition no longer matches its entries. */
    private void damageIndex() throws Exception {
        try (Connection c = fx.catalog().connect(); Statement st = c.createStatement()) {
            st.execute("PRAGMA writable_schema = ON");
            st.executeUpdate("UPDATE sqlite_master SET sql = 'CREATE INDEX photos_taken_at ON photos (scanned_at)' WHERE name = 'photos_taken_at'");
            st.execute("PRAGMA writable_schema = OFF");
        }
    }
}
