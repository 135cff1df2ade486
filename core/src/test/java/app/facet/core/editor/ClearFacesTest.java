package app.facet.core.editor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FaceEditService#clearFaces} ("this photo has no faces", {@code facet faces clear}) on a real scan: every row
 * goes, also one whose stored box was broken outside Facet (the editor cannot draw it, so deleting the drawable
 * faces alone would leave the photo {@code done}), and a rescan keeps the user's "no faces".
 */
class ClearFacesTest {
    static final String TWO = "groups/two_people.jpg";

    @TempDir
    static Path tmp;
    static ScannedLibrary lib;

    @BeforeAll
    static void scan() throws Exception {
        lib = ScannedLibrary.scan(tmp, TWO);
    }

    @AfterAll
    static void close() {
        if (lib != null) {
            lib.close();
        }
    }

    @Test
    void everyRowGoesThePhotoIsNoFacesByTheUserAndARescanKeepsIt() throws Exception {
        long photoId = lib.photoId(TWO);
        List<Long> faces = lib.faceIds(TWO);
        assertThat(faces).hasSizeGreaterThanOrEqualTo(2);
        lib.sql("DROP TRIGGER face_crops_guard_update");
        lib.sql("UPDATE face_crops SET w = 'abc' WHERE id = " + faces.get(0));
        FaceEditService editor = new FaceEditService(lib.catalog, lib.analyzer);
        assertThat(editor.open(photoId).unreadable()).isEqualTo(1);

        assertThatThrownBy(() -> editor.clearFaces(999_999)).isInstanceOf(FaceEditException.class).hasMessageContaining("999999");
        assertThat(lib.faceIds(TWO)).isEqualTo(faces);

        assertThat(editor.clearFaces(photoId)).isEqualTo(faces.size());
        assertThat(lib.faceIds(TWO)).isEmpty();
        assertThat(lib.text("SELECT scan_state FROM photos WHERE id = ?", photoId)).isEqualTo("no_faces");
        assertThat(lib.number("SELECT no_faces_by_user FROM photos WHERE id = " + photoId)).isEqualTo(1);

        lib.rescan();
        assertThat(lib.faceIds(TWO)).as("not detected again").isEmpty();
        assertThat(lib.text("SELECT scan_state FROM photos WHERE id = ?", photoId)).isEqualTo("no_faces");
    }
}
