package app.facet.core.integrity;

import app.facet.core.testing.LibraryFixture;
import app.facet.core.testing.LibraryFixture.FaceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static app.facet.core.integrity.CheckNames.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Problems the guard triggers let through (they guard paths and sizes, not geometry or counts): repaired with the guards in place. */
class GuardsPresentRepairTest {
    @TempDir
    Path dir;

    @Test
    void repairWorksWithEveryGuardTriggerPresent() throws Exception {
        LibraryFixture fx = LibraryFixture.build(dir);
        FaceRow kit = fx.facesOf("people/kit_harington/kit1.jpg").get(0);
        FaceRow obama = fx.facesOf("people/barack_obama/obama.jpg").get(0);
        // a sub-pixel box can only come from a writer without V50's guard (a legacy catalog): plant it so, then guard again
        fx.dropBoxTriggers();
        fx.sql("UPDATE face_crops SET w = 0.25 WHERE id = " + fx.facesOf("groups/obama_and_biden.jpg").get(2).id());
        fx.restoreBoxTriggers();
        fx.sql("INSERT INTO face_crops (photo_id, image_path, x, y, w, h, detection_score, detector)"
                        + " SELECT photo_id, image_path, x + 1, y + 1, w, h, 0.99, 'fixture' FROM face_crops WHERE id = " + kit.id(),
                "UPDATE face_crops SET y = -500 WHERE id = " + obama.id(),
                "UPDATE persons SET photo_count = 42 WHERE name = 'joe_biden'");
        Files.delete(fx.facesOf("people/rose_leslie/rose2.jpg").get(0).cropPath());
        Path nested = Files.createDirectories(fx.location().cropsDir().resolve("nested"));
        Files.writeString(nested.resolve("orphan.jpg"), "x");
        assertThat(fx.queryLong("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")).isEqualTo(13);

        IntegrityReport before = new IntegrityChecker(fx.catalog()).check(CheckMode.FULL);
        assertThat(before.problems()).extracting(CheckResult::name).containsExactlyInAnyOrder(DUPLICATE_FACES, BOX_DEGENERATE,
                BOX_OUTSIDE_IMAGE, PERSON_COUNTS_STALE, CROP_FILE_MISSING, ORPHAN_CROP_FILES);

        RepairResult result = new IntegrityRepairer(fx.catalog()).repair(IntegrityProgress.NONE, () -> false);

        assertThat(result.changes()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.APPLIED));
        assertThat(result.after().problems()).as(result.after().problems().toString()).isEmpty();
        // the duplicate with the better detection score loses to the face the user named
        assertThat(fx.queryString("SELECT assigned_by FROM face_crops WHERE id = " + kit.id())).isEqualTo("user");
        assertThat(fx.queryLong("SELECT y FROM face_crops WHERE id = " + obama.id())).isZero();
    }
}
