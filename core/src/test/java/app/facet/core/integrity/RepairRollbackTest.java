package app.facet.core.integrity;

import app.facet.core.testing.LibraryFixture;
import app.facet.core.testing.LibraryFixture.FaceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static app.facet.core.integrity.CheckNames.CROP_PATH_OUTSIDE_MANAGED;
import static app.facet.core.integrity.CheckNames.SCHEMA_TRIGGERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change that fails on a file (not the database) rolls back every change of its check, made before it in the same
 * write transaction; the other checks' changes stay applied.
 */
class RepairRollbackTest {
    @TempDir
    Path dir;

    @Test
    void aCropThatCannotBeCutRollsBackTheChangesOfItsCheck() throws Exception {
        LibraryFixture fx = LibraryFixture.build(dir);
        fx.dropGuardTriggers();
        List<FaceRow> two = fx.faces().stream().filter(f -> f.box() != null)
                .collect(java.util.stream.Collectors.toMap(FaceRow::photoId, f -> f, (a, b) -> a)).values().stream()
                .sorted(Comparator.comparingLong(FaceRow::id)).limit(2).toList();
        FaceRow first = two.get(0), second = two.get(1);
        // the reverse corruption on two faces of two photos: crop_path names the original photo
        fx.sql("UPDATE face_crops SET crop_path = image_path WHERE id IN (" + first.id() + ", " + second.id() + ")");
        String firstPhoto = fx.queryString("SELECT image_path FROM face_crops WHERE id = " + first.id());
        String secondPhoto = fx.queryString("SELECT image_path FROM face_crops WHERE id = " + second.id());

        RepairPlan plan = new IntegrityRepairer(fx.catalog()).plan();
        assertThat(plan.changes()).filteredOn(c -> c.check().equals(CROP_PATH_OUTSIDE_MANAGED))
                .extracting(PlannedChange::id).containsExactly(first.id(), second.id());
        // after the preview the second photo becomes undecodable: its crop cannot be cut again
        Files.writeString(Path.of(secondPhoto), "not a JPEG any more");

        RepairResult result = new IntegrityRepairer(fx.catalog()).apply(plan, IntegrityProgress.NONE, () -> false);

        assertThat(result.changes()).filteredOn(c -> c.change().check().equals(CROP_PATH_OUTSIDE_MANAGED)).hasSize(2).allSatisfy(c -> {
            assertThat(c.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(c.note()).startsWith("rolled back: ").contains("cannot decode photo " + secondPhoto);
        });
        assertThat(fx.queryString("SELECT crop_path FROM face_crops WHERE id = " + first.id()))
                .as("the first face's new crop_path was rolled back with the failed one").isEqualTo(firstPhoto);
        assertThat(result.changes()).filteredOn(c -> c.change().check().equals(SCHEMA_TRIGGERS)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.APPLIED));
        assertThat(result.after().count(SCHEMA_TRIGGERS)).isZero();
        assertThat(result.after().count(CROP_PATH_OUTSIDE_MANAGED)).isEqualTo(2);
    }
}
