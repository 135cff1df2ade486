package app.facet.core.editor;

import app.facet.model.BoundingBox;
import app.facet.model.ScanState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Detect Faces Again" (PhotoRedetector) respects a face the user deleted, as a scan does: a real scan of a real photo
 * with two faces (YuNet, mobilefacenet), one face deleted through the user's delete, the photo detected again.
 */
class RedetectDeletedFaceTest {
    static final String TWO = "groups/two_people.jpg";

    @TempDir
    Path tmp;

    @Test
    void aDeletedFaceDoesNotComeBackWhenThePhotoIsDetectedAgain() throws Exception {
        try (ScannedLibrary lib = ScannedLibrary.scan(tmp, TWO)) {
            long photo = lib.photoId(TWO);
            List<BoundingBox> before = lib.boxes(photo);
            assertThat(before).hasSize(2);
            List<Long> ids = lib.faceIds(TWO);
            BoundingBox deleted = before.get(0), other = before.get(1);

            new FaceEditService(lib.catalog, lib.analyzer).deleteFaces(List.of(ids.get(0)));
            assertThat(lib.number("SELECT count(*) FROM face_deletions WHERE photo_id = ?", photo)).isEqualTo(1);

            RedetectResult r = new PhotoRedetector(lib.catalog, lib.analyzer).redetect(photo);

            List<BoundingBox> after = lib.boxes(photo);
            assertThat(after).as("the deleted face is not detected back").noneMatch(b -> b.iou(deleted) >= 0.5);
            assertThat(after).as("the other face is detected again").hasSize(1).allMatch(b -> b.iou(other) > 0.9);
            assertThat(r.facesAfter()).isEqualTo(1);
            assertThat(r.notRestored()).isEqualTo(1);
            assertThat(r.rejected()).isZero();
            assertThat(r.scanState()).isEqualTo(ScanState.DONE);
            assertThat(lib.number("SELECT count(*) FROM face_deletions WHERE photo_id = ?", photo))
                    .as("the deletion is still remembered").isEqualTo(1);
            // the dropped detection's crop file is not left behind: every crop file is a face row's
            Path root = lib.catalog.location().root();
            assertThat(lib.cropFiles()).containsExactlyInAnyOrderElementsOf(
                    lib.texts("SELECT crop_path FROM face_crops").stream().map(root::resolve).toList());

            // and again: still one face
            new PhotoRedetector(lib.catalog, lib.analyzer).redetect(photo);
            assertThat(lib.boxes(photo)).hasSize(1).allMatch(b -> b.iou(other) > 0.9);
        }
    }

    @Test
    void deletingEveryFaceThenDetectingAgainLeavesThePhotoWithoutFaces() throws Exception {
        try (ScannedLibrary lib = ScannedLibrary.scan(tmp, TWO)) {
            long photo = lib.photoId(TWO);
            new FaceEditService(lib.catalog, lib.analyzer).deleteFaces(lib.faceIds(TWO));

            RedetectResult r = new PhotoRedetector(lib.catalog, lib.analyzer).redetect(photo);

            assertThat(r.facesAfter()).isZero();
            assertThat(r.notRestored()).isEqualTo(2);
            assertThat(r.scanState()).isEqualTo(ScanState.NO_FACES);
            assertThat(lib.number("SELECT no_faces_by_user FROM photos WHERE id = ?", photo))
                    .as("the user's \"no faces\" stands").isEqualTo(1);
            assertThat(lib.faceIds(TWO)).isEmpty();
            assertThat(lib.cropFiles()).isEmpty();
        }
    }

}
