package app.facet.core.integrity;

import app.facet.core.testing.LibraryFixture;
import app.facet.core.testing.LibraryFixture.PhotoRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recovery before deletion: a face whose photo row is really a crop (or a copy in the managed folder) goes back to its
 * original photo, found by the content hash in the crop's file name, by the file's own content hash, or by the
 * row's recorded content hash; only what none of these resolves is removed.
 */
class OriginResolutionTest {
    @TempDir
    Path dir;

    @Test
    void facesOfCropPhotoRowsGoBackToTheirOriginalByNameOrContentHash() throws Exception {
        LibraryFixture fx = LibraryFixture.build(dir);
        fx.dropGuardTriggers();
        PhotoRow kit = fx.photo("people/kit_harington/kit1.jpg");
        PhotoRow rose = fx.photo("people/rose_leslie/rose1.jpg");
        PhotoRow alex = fx.photo("people/alex_lacamoire/alex2.jpg");
        // 1. a crop file (not on disk any more) named after its photo's content hash, as the scan names crops
        long byName = bogus(fx, fx.location().cropsDir().resolve(kit.contentHash() + "_9.jpg").toString(), null);
        // 2. a byte-for-byte copy of the photo in the managed folder
        Path copy = fx.location().thumbnailsDir().resolve("copy.jpg");
        Files.copy(rose.path(), copy);
        long byFile = bogus(fx, copy.toString(), null);
        // 3. a row that recorded the original's content hash
        long byRow = bogus(fx, fx.location().cropsDir().resolve("legacy-17.jpg").toString(), alex.contentHash());
        // 4. nothing to go by
        long lost = bogus(fx, fx.location().cropsDir().resolve("legacy-18.jpg").toString(), null);

        RepairResult result = new IntegrityRepairer(fx.catalog()).repair(IntegrityProgress.NONE, () -> false);

        assertThat(result.after().problems()).as(result.after().problems().toString()).isEmpty();
        assertThat(photoOfFace(fx, byName)).isEqualTo(kit.id());
        assertThat(photoOfFace(fx, byFile)).isEqualTo(rose.id());
        assertThat(photoOfFace(fx, byRow)).isEqualTo(alex.id());
        assertThat(fx.queryLong("SELECT count(*) FROM face_crops WHERE id = " + lost)).isZero();
        assertThat(fx.queryString("SELECT reason FROM integrity_removed_rows WHERE table_name = 'face_crops' AND row_id = " + lost))
                .contains("no original photo found");
        assertThat(result.changes()).extracting(c -> c.change().description())
                .anyMatch(d -> d.contains("found through its crop file name"))
                .anyMatch(d -> d.contains("found through its content hash"));
        assertThat(fx.queryString("SELECT image_path FROM face_crops WHERE id = " + byFile)).isEqualTo(rose.path().toString());
    }

    /** A photo row at {@code path} with one face (the old corruption); @return the face id */
    private static long bogus(LibraryFixture fx, String path, String contentHash) throws Exception {
        fx.sql("INSERT INTO photos (path, size_bytes, mtime_ms, content_hash, scan_state) VALUES ('" + path + "', 0, 0, "
                        + (contentHash == null ? "NULL" : "'" + contentHash + "'") + ", 'done')",
                "INSERT INTO face_crops (photo_id, image_path, x, y, w, h, detection_score, detector)"
                        + " SELECT id, path, 0, 0, 8, 8, 0.9, 'legacy' FROM photos WHERE path = '" + path + "'");
        return fx.queryLong("SELECT max(id) FROM face_crops");
    }

    private static long photoOfFace(LibraryFixture fx, long faceId) throws Exception {
        return fx.queryLong("SELECT photo_id FROM face_crops WHERE id = " + faceId);
    }
}
