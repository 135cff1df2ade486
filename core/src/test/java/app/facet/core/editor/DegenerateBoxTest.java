package app.facet.core.editor;

import app.facet.core.browse.FaceBrowser;
import app.facet.model.Face;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A face row whose stored box was broken outside Facet (text in the width column) neither fails the photo viewer's
 * read nor the editor's: the row comes back with a null box, and the editor leaves it out and counts it as a face it cannot show.
 */
class DegenerateBoxTest {
    static final String TWO = "groups/two_people.jpg";

    @TempDir
    static Path tmp;
    static ScannedLibrary lib;
    static long photoId, broken, intact;

    @BeforeAll
    static void scanAndBreakOneBox() throws Exception {
        lib = ScannedLibrary.scan(tmp, TWO);
        photoId = lib.photoId(TWO);
        List<Long> faces = lib.faceIds(TWO);
        assertThat(faces).hasSizeGreaterThanOrEqualTo(2);
        broken = faces.get(0);
        intact = faces.get(1);
        // the guard trigger refuses such a write from any code path of ours: plant it as another program would
        lib.sql("DROP TRIGGER face_crops_guard_update");
        lib.sql("UPDATE face_crops SET w = 'abc' WHERE id = " + broken);
    }

    @AfterAll
    static void close() {
        if (lib != null) {
            lib.close();
        }
    }

    @Test
    void theViewersReadReturnsTheRowWithANullBox() {
        List<Face> faces = new FaceBrowser(lib.catalog).faces(photoId);
        assertThat(faces).extracting(Face::id).contains(broken, intact);
        assertThat(faces).filteredOn(f -> f.id() == broken).singleElement().satisfies(f -> assertThat(f.box()).isNull());
        assertThat(faces).filteredOn(f -> f.id() == intact).singleElement().satisfies(f -> assertThat(f.box()).isNotNull());
    }

    @Test
    void theEditorOpensThePhotoAndCountsTheRowItCannotDraw() throws Exception {
        EditablePhoto photo = new FaceEditService(lib.catalog, lib.analyzer).open(photoId);
        assertThat(photo.unreadable()).isEqualTo(1);
        assertThat(photo.faces()).extracting(Face::id).contains(intact).doesNotContain(broken);
    }
}
