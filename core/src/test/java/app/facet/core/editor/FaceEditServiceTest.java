package app.facet.core.editor;

import app.facet.core.testing.SharedMaterial;
import app.facet.core.catalog.Embeddings;
import app.facet.core.people.PeopleService;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.ScanState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The crop editor's core over a real catalog (real scan of copies of the shared photos, real OpenCV and ONNX
 * Runtime): what it refuses to open, what a save stores, and that a failed save changes nothing. Each test works
 * on its own photo of the shared library.
 */
class FaceEditServiceTest {
    static final String OBAMA = "people/barack_obama/obama.jpg";
    static final String OBAMA2 = "people/barack_obama/obama2.jpg";
    static final String OBAMA3 = "people/barack_obama/obama3.jpg";
    static final String BIDEN = "people/joe_biden/biden.jpg";
    static final String ALEX = "people/alex_lacamoire/alex2.jpg";
    static final String ROSE = "people/rose_leslie/rose1.jpg";
    static final String TWO = "groups/two_people.jpg";
    static final String KIT_ROSE = "groups/kit_with_rose.jpg";

    @TempDir
    static Path tmp;
    static ScannedLibrary lib;
    static FaceEditService editor;
    static PeopleService people;

    @BeforeAll
    static void scan() throws Exception {
        lib = ScannedLibrary.scan(tmp, OBAMA, OBAMA2, OBAMA3, BIDEN, ALEX, ROSE, TWO, KIT_ROSE);
        assertThat(lib.summary.photosFailed()).isZero();
        editor = new FaceEditService(lib.catalog, lib.analyzer);
        people = new PeopleService(lib.catalog);
    }

    @AfterAll
    static void close() {
        if (lib != null) {
            lib.close();
        }
    }

    // ---- open ----

    @Test
    void opensAnOriginalPhotoWithItsFacesInOrientedPixels() throws Exception {
        EditablePhoto photo = editor.open(lib.photo(TWO));
        assertThat(photo.path()).isEqualTo(lib.photo(TWO).toString());
        assertThat(photo.scanState()).isEqualTo(ScanState.DONE);
        assertThat(photo.faces()).extracting(Face::id).containsExactlyElementsOf(lib.faceIds(TWO));
        for (Face f : photo.faces()) {
            assertThat(f.box().insideImage(photo.width(), photo.height(), 1)).isTrue();
        }
    }

    @Test
    void refusesAFaceCropWhateverWayItIsNamed() throws Exception {
        Path crop = cropFile("SELECT crop_path FROM face_crops LIMIT 1");
        assertThat(crop).exists();
        assertRefused(crop, EditRefusedException.Reason.FACE_CROP, "is a face crop");

        // any file inside the managed folder is Facet's own (crops, thumbnails), never an original photo
        Path thumb = lib.catalog.location().thumbnailsDir().resolve("planted.jpg");
        Files.copy(lib.photo(OBAMA), thumb);
        assertRefused(thumb, EditRefusedException.Reason.FACE_CROP, "is a face crop");

        // a crop whose file is gone is still called a crop, not a missing photo
        Path gone = lib.catalog.location().cropsDir().resolve("00/never-there.jpg");
        assertRefused(gone, EditRefusedException.Reason.FACE_CROP, "open the photo it was cut from");
    }

    @Test
    void refusesAFileOutsideTheCatalogAndAMissingPhoto() throws Exception {
        Path outside = tmp.resolve("elsewhere/obama.jpg");
        Files.createDirectories(outside.getParent());
        Files.copy(SharedMaterial.photo(OBAMA), outside);
        assertRefused(outside, EditRefusedException.Reason.NOT_IN_CATALOG, "is not a photo of this library");

        Files.delete(lib.photo(OBAMA3));
        assertRefused(lib.photo(OBAMA3), EditRefusedException.Reason.FILE_MISSING, "is no longer at");
        assertThatThrownBy(() -> editor.save(lib.photoId(OBAMA3), List.of(EditedBox.delete(lib.faceIds(OBAMA3).get(0)))))
                .isInstanceOf(FaceEditException.class).hasMessageContaining("is no longer at");
    }

    // ---- save ----

    @Test
    void aDrawnBoxIsAnalysedFromTheOriginalAndStoredWithEmbeddingLandmarksAndPerson() throws Exception {
        long photoId = lib.photoId(OBAMA);
        long detected = lib.faceIds(OBAMA).get(0);
        float[] detectedEmbedding = embedding(detected);
        String detectedCrop = cropFile("SELECT crop_path FROM face_crops WHERE id = ?", detected).toString();
        BoundingBox b = editor.open(photoId).faces().get(0).box();
        // the user's box: roughly where the face is, a little larger, not the detector's box
        BoundingBox drawn = new BoundingBox(b.x() - 0.06 * b.w(), b.y() - 0.04 * b.h(), b.w() * 1.1, b.h() * 1.08);

        SaveResult r = editor.save(photoId, List.of(EditedBox.delete(detected), EditedBox.add(drawn, PersonAssignment.named("Barack Obama"))));

        assertThat(r.added()).isEqualTo(1);
        assertThat(r.deleted()).isEqualTo(1);
        assertThat(r.createdPersons()).isEqualTo(1);
        assertThat(r.scanState()).isEqualTo(ScanState.DONE);
        long face = r.newFaceIds().get(0);
        assertThat(lib.faceIds(OBAMA)).containsExactly(face);
        assertThat(lib.text("SELECT detector FROM face_crops WHERE id = ?", face)).isEqualTo("manual");
        assertThat(lib.text("SELECT assigned_by FROM face_crops WHERE id = ?", face)).isEqualTo("user");
        assertThat(lib.text("SELECT status FROM face_crops WHERE id = ?", face)).isEqualTo("valid");
        // landmarks found again inside the box, so the face is aligned like a detected one
        assertThat(lib.text("SELECT lm_right_eye_x FROM face_crops WHERE id = ?", face)).isNotNull();
        assertThat(lib.text("SELECT quality_label FROM face_crops WHERE id = ?", face)).isNotNull();
        float[] e = embedding(face);
        assertThat(e).hasSize(lib.analyzer.embeddingDimension().orElseThrow());
        assertThat(cosine(e, detectedEmbedding)).as("same face, same embedding model").isGreaterThan(0.8);
        // the crop was computed in core from the original file and the box
        Path crop = cropFile("SELECT crop_path FROM face_crops WHERE id = ?", face);
        assertThat(crop).exists().startsWith(lib.catalog.location().cropsDir());
        assertThat(Path.of(detectedCrop)).as("the deleted face's crop is removed after the commit").doesNotExist();
        // and the face is among the person's photos
        long person = lib.number("SELECT id FROM persons WHERE name = 'Barack Obama'");
        assertThat(people.facesOf(person)).extracting(Face::id).containsExactly(face);
        assertThat(lib.number("SELECT photo_count FROM persons WHERE id = ?", person)).isEqualTo(1);
    }

    @Test
    void aMovedBoxIsMeasuredAgainAndKeepsItsPersonAndCover() throws Exception {
        long old = lib.faceIds(ALEX).get(0);
        people.assignFaceToNewPerson(old, "Alex");
        long alex = lib.number("SELECT id FROM persons WHERE name = 'Alex'");
        people.setCoverFace(alex, old);
        String oldCrop = cropFile("SELECT crop_path FROM face_crops WHERE id = ?", old).toString();
        BoundingBox b = editor.open(lib.photo(ALEX)).faces().get(0).box();
        BoundingBox bigger = new BoundingBox(b.x() - 0.1 * b.w(), b.y() - 0.1 * b.h(), b.w() * 1.2, b.h() * 1.2);

        SaveResult r = editor.save(lib.photoId(ALEX), List.of(EditedBox.move(old, bigger, PersonAssignment.keep())));

        assertThat(r.moved()).isEqualTo(1);
        long moved = r.newFaceIds().get(0);
        assertThat(lib.faceIds(ALEX)).containsExactly(moved);
        assertThat(lib.number("SELECT person_id FROM face_crops WHERE id = ?", moved)).isEqualTo(alex);
        assertThat(lib.text("SELECT assigned_by FROM face_crops WHERE id = ?", moved)).isEqualTo("user");
        assertThat(lib.number("SELECT cover_face_id FROM persons WHERE id = ?", alex)).isEqualTo(moved);
        double w = Double.parseDouble(lib.text("SELECT w FROM face_crops WHERE id = ?", moved));
        double size = Double.parseDouble(lib.text("SELECT face_size_px FROM face_crops WHERE id = ?", moved));
        assertThat(w).isGreaterThan(b.w() * 1.1);
        assertThat(size).isGreaterThan(Math.min(b.w(), b.h()) * 1.1);
        assertThat(Path.of(oldCrop)).doesNotExist();
        assertThat(cropFile("SELECT crop_path FROM face_crops WHERE id = ?", moved)).exists();
    }

    @Test
    void removingEveryFaceRecordsNoFacesDeletesRowsAndCropsAndARescanLeavesItSo() throws Exception {
        long photoId = lib.photoId(OBAMA2);
        List<Long> faces = lib.faceIds(OBAMA2);
        assertThat(faces).isNotEmpty();
        List<String> crops = new ArrayList<>();
        for (long f : faces) {
            crops.add(cropFile("SELECT crop_path FROM face_crops WHERE id = ?", f).toString());
        }
        List<EditedBox> deleteAll = faces.stream().map(EditedBox::delete).toList();

        SaveResult r = editor.save(photoId, deleteAll);

        assertThat(r.scanState()).isEqualTo(ScanState.NO_FACES);
        assertThat(lib.text("SELECT scan_state FROM photos WHERE id = ?", photoId)).isEqualTo("no_faces");
        assertThat(lib.faceIds(OBAMA2)).isEmpty();
        assertThat(crops).allSatisfy(c -> assertThat(Path.of(c)).doesNotExist());
        assertThat(lib.number("SELECT count(*) FROM crop_files_to_delete")).isZero();

        lib.rescan();
        assertThat(lib.text("SELECT scan_state FROM photos WHERE id = ?", photoId)).as("not detected again").isEqualTo("no_faces");
        assertThat(lib.faceIds(OBAMA2)).isEmpty();
    }

    @Test
    void aFailureInsideTheTransactionChangesNothing() throws Exception {
        long photoId = lib.photoId(BIDEN);
        long face = lib.faceIds(BIDEN).get(0);
        people.createPerson("Someone Gone");
        long gone = lib.number("SELECT id FROM persons WHERE name = 'Someone Gone'");
        lib.sql("DELETE FROM persons WHERE id = " + gone);
        Snapshot before = Snapshot.of(lib);
        BoundingBox b = editor.open(photoId).faces().get(0).box();

        // the delete and the insert run before the assignment to the vanished person fails
        assertThatThrownBy(() -> editor.save(photoId, List.of(EditedBox.delete(face),
                EditedBox.add(b, PersonAssignment.person(gone)))))
                .isInstanceOf(FaceEditException.class).hasMessageContaining("no longer exists");

        assertThat(Snapshot.of(lib)).isEqualTo(before);
        assertThat(lib.faceIds(BIDEN)).containsExactly(face);
        assertThat(cropFile("SELECT crop_path FROM face_crops WHERE id = ?", face)).exists();
    }

    @Test
    void aDatabaseErrorAfterSomeRowsWereWrittenRollsEverythingBackAndRemovesTheNewCrops() throws Exception {
        long photoId = lib.photoId(TWO);
        List<Long> faces = lib.faceIds(TWO);
        EditablePhoto open = editor.open(photoId);
        BoundingBox a = open.faces().get(0).box(), b = open.faces().get(1).box();
        // a real mid-save failure: the catalog refuses the second manual row of the photo (as a full disk would)
        lib.sql("CREATE TRIGGER test_fail_second_manual BEFORE INSERT ON face_crops WHEN NEW.detector = 'manual' "
                + "AND (SELECT count(*) FROM face_crops WHERE photo_id = NEW.photo_id AND detector = 'manual') >= 1 "
                + "BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END");
        Snapshot before = Snapshot.of(lib);
        try {
            assertThatThrownBy(() -> editor.save(photoId, List.of(EditedBox.delete(faces.get(0)), EditedBox.delete(faces.get(1)),
                    EditedBox.add(a, PersonAssignment.named("Brand New Person")), EditedBox.add(b, PersonAssignment.nobody()))))
                    .isInstanceOf(FaceEditException.class).hasMessageContaining("simulated write failure");
        } finally {
            lib.sql("DROP TRIGGER test_fail_second_manual");
        }
        assertThat(Snapshot.of(lib)).isEqualTo(before);
        assertThat(lib.numbers("SELECT count(*) FROM persons WHERE name = 'Brand New Person'")).containsExactly(0L);
    }

    @Test
    void anEditOfAFaceOfAnotherPhotoIsRefusedBeforeAnythingIsWritten() throws Exception {
        Snapshot before = Snapshot.of(lib);
        long other = lib.faceIds(TWO).get(0);
        assertThatThrownBy(() -> editor.save(lib.photoId(ROSE), List.of(EditedBox.delete(other))))
                .isInstanceOf(FaceEditException.class).hasMessageContaining("is not on this photo");
        assertThat(Snapshot.of(lib)).isEqualTo(before);
    }

    @Test
    void personChangesFollowThePeopleRules() throws Exception {
        long photoId = lib.photoId(KIT_ROSE);
        long left = lib.faceIds(KIT_ROSE).get(0);
        editor.save(photoId, List.of(EditedBox.assign(left, PersonAssignment.named("kit HARINGTON"))));
        people.createPerson("Kit Harington");
        assertThat(lib.text("SELECT p.name FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE f.id = ?", left))
                .isEqualTo("kit HARINGTON");
        // a name matches an existing person whatever its case: no second person
        editor.save(photoId, List.of(EditedBox.assign(left, PersonAssignment.named("Kit Harington"))));
        assertThat(lib.number("SELECT count(*) FROM persons WHERE name = 'Kit Harington' COLLATE NOCASE")).isEqualTo(1);
        long kit = lib.number("SELECT person_id FROM face_crops WHERE id = ?", left);

        SaveResult r = editor.save(photoId, List.of(EditedBox.assign(left, PersonAssignment.nobody())));
        assertThat(r.reassigned()).isEqualTo(1);
        assertThat(lib.text("SELECT assigned_by FROM face_crops WHERE id = ?", left)).isEqualTo("none");
        assertThat(lib.number("SELECT count(*) FROM face_person_rejections WHERE face_id = ? AND person_id = ?", left, kit))
                .as("taking a face off a person is remembered as 'not this person'").isEqualTo(1);
    }

    @Test
    void reDetectionReplacesTheFacesAndKeepsTheUsersDecisions() throws Exception {
        long photoId = lib.photoId(ROSE);
        List<Long> before = lib.faceIds(ROSE);
        people.assignFaceToNewPerson(before.get(0), "Rose");
        long rose = lib.number("SELECT id FROM persons WHERE name = 'Rose'");

        RedetectResult r = new PhotoRedetector(lib.catalog, lib.analyzer).redetect(photoId);

        assertThat(r.facesBefore()).isEqualTo(before.size());
        assertThat(r.facesAfter()).isEqualTo(before.size());
        assertThat(r.kept()).isEqualTo(before.size());
        assertThat(r.scanState()).isEqualTo(ScanState.DONE);
        List<Long> after = lib.faceIds(ROSE);
        assertThat(after).doesNotContainAnyElementsOf(before);
        assertThat(lib.number("SELECT person_id FROM face_crops WHERE id = ?", after.get(0))).isEqualTo(rose);
        assertThat(lib.text("SELECT assigned_by FROM face_crops WHERE id = ?", after.get(0))).isEqualTo("user");
        assertThat(lib.number("SELECT photo_count FROM persons WHERE id = ?", rose)).isEqualTo(1);

        // and deleting its faces from the dashboard leaves a no_faces photo
        assertThat(editor.deleteFaces(after)).isEqualTo(after.size());
        assertThat(lib.text("SELECT scan_state FROM photos WHERE id = ?", photoId)).isEqualTo("no_faces");
        assertThat(lib.number("SELECT photo_count FROM persons WHERE id = ?", rose)).isZero();
    }

    // ---- helpers ----

    private static void assertRefused(Path path, EditRefusedException.Reason reason, String message) {
        assertThatThrownBy(() -> editor.open(path)).isInstanceOfSatisfying(EditRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(message).endsWith(".");
        });
    }

    private static float[] embedding(long faceId) throws Exception {
        try (var c = lib.catalog.connect(); var ps = c.prepareStatement("SELECT embedding FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return Embeddings.fromBytes(rs.getBytes(1));
            }
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Everything a save may touch: face rows, photo states, persons, refusals, crop files, queued deletions. */
    record Snapshot(List<String> faces, List<String> photos, List<String> persons, long rejections, List<Path> crops, long queued) {
        static Snapshot of(ScannedLibrary lib) throws Exception {
            return new Snapshot(rows(lib, "SELECT id || '|' || photo_id || '|' || crop_path || '|' || x || '|' || y || '|' || w || '|' || h "
                            + "|| '|' || coalesce(person_id, '') || '|' || assigned_by || '|' || hex(coalesce(embedding, '')) FROM face_crops ORDER BY id"),
                    rows(lib, "SELECT id || '|' || scan_state FROM photos ORDER BY id"),
                    rows(lib, "SELECT id || '|' || name || '|' || face_count || '|' || photo_count || '|' || coalesce(cover_face_id, '') FROM persons ORDER BY id"),
                    lib.number("SELECT count(*) FROM face_person_rejections"), lib.cropFiles(),
                    lib.number("SELECT count(*) FROM crop_files_to_delete"));
        }

        private static List<String> rows(ScannedLibrary lib, String sql) throws Exception {
            try (var c = lib.catalog.connect(); var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    /** The crop file a stored crop path names (stored relative to the library folder). */
    private Path cropFile(String sql, Object... params) throws Exception {
        return lib.catalog.location().resolve(lib.text(sql, params));
    }
}
