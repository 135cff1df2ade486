package app.facet.core.integrity;

import app.facet.core.testing.LibraryFixture;
import app.facet.core.testing.LibraryFixture.FaceRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static app.facet.core.integrity.CheckNames.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Findings only the user can settle: reported, explained, and left exactly as they are by the repair. */
class LeftForUserTest {
    @TempDir
    Path dir;
    LibraryFixture fx;
    FaceRow bidenFace;
    long conflicting;

    @BeforeEach
    void plant() throws Exception {
        fx = LibraryFixture.build(dir);
        // the same file in two folders
        Path copy = fx.photosDir().resolve("copies/kit1.jpg");
        Files.createDirectories(copy.getParent());
        Files.copy(fx.photo("people/kit_harington/kit1.jpg").path(), copy);
        fx.sql("INSERT INTO photos (path, size_bytes, mtime_ms, content_hash, width, height, scan_state) SELECT '" + copy
                + "', size_bytes, mtime_ms, content_hash, width, height, 'no_faces' FROM photos WHERE id = " + fx.photo("people/kit_harington/kit1.jpg").id());
        // one face found twice, named differently by the user each time
        bidenFace = fx.facesOf("people/joe_biden/biden.jpg").get(0);
        fx.sql("INSERT INTO face_crops (photo_id, image_path, x, y, w, h, detection_score, detector, person_id, assigned_by)"
                + " SELECT photo_id, image_path, x + 3, y, w, h, 0.8, 'fixture', " + fx.personId("alex_lacamoire") + ", 'user'"
                + " FROM face_crops WHERE id = " + bidenFace.id());
        conflicting = fx.queryLong("SELECT max(id) FROM face_crops");
    }

    @Test
    void duplicatesThatNeedADecisionAreReportedAndLeftAlone() {
        IntegrityReport report = new IntegrityChecker(fx.catalog()).check(CheckMode.FULL);
        assertThat(problems(report)).isEqualTo(Map.of(DUPLICATE_PHOTOS, 1L, DUPLICATE_FACES, 1L));
        assertThat(report.result(DUPLICATE_PHOTOS).orElseThrow().repairable()).isFalse();

        RepairResult result = new IntegrityRepairer(fx.catalog()).repair(IntegrityProgress.NONE, () -> false);

        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(Outcome.LEFT_FOR_USER);
            assertThat(c.change().id()).isEqualTo(conflicting);
            assertThat(c.change().description()).contains("different answers");
        });
        assertThat(result.backup()).as("nothing to change: no backup").isNull();
        assertThat(problems(result.after())).isEqualTo(Map.of(DUPLICATE_PHOTOS, 1L, DUPLICATE_FACES, 1L));
    }

    @Test
    void aPhotoLeftPendingByACompletedScanIsStalledButNotByACancelledOne() throws Exception {
        Path fresh = fx.photosDir().resolve("new/late.jpg");
        Files.createDirectories(fresh.getParent());
        Files.copy(fx.photo("people/rose_leslie/rose1.jpg").path(), fresh);
        fx.sql("INSERT INTO photos (path, size_bytes, mtime_ms) VALUES ('" + fresh + "', 1, 1)");
        assertThat(new IntegrityChecker(fx.catalog()).check(CheckMode.QUICK).count(PHOTO_SCAN_STALLED))
                .as("added after the last scan finished: waiting for the next one").isZero();

        fx.sql("INSERT INTO scan_runs (status, roots, finished_at) VALUES ('completed', json_array('" + fx.photosDir()
                + "'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 second'))");
        assertThat(new IntegrityChecker(fx.catalog()).check(CheckMode.QUICK).result(PHOTO_SCAN_STALLED).orElseThrow().samples())
                .singleElement().satisfies(s -> assertThat(s.path()).isEqualTo(fresh.toString()));

        fx.sql("INSERT INTO scan_runs (status, roots, finished_at) VALUES ('cancelled', json_array('" + fx.photosDir()
                + "/'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+2 second'))");
        assertThat(new IntegrityChecker(fx.catalog()).check(CheckMode.QUICK).count(PHOTO_SCAN_STALLED))
                .as("the latest scan was cancelled: the next one resumes the photo").isZero();
    }

    private static Map<String, Long> problems(IntegrityReport r) {
        return r.problems().stream().collect(java.util.stream.Collectors.toMap(CheckResult::name, CheckResult::count));
    }
}
