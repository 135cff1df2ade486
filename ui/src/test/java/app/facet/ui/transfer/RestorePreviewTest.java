package app.facet.ui.transfer;

import app.facet.core.transfer.KeptFace;
import app.facet.core.transfer.RestoreChange;
import app.facet.core.transfer.RestoreChange.Kind;
import app.facet.core.transfer.RestoreReport;
import app.facet.core.transfer.UnmatchedFace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The restore preview's counts and conflicts, from a dry-run report as the restorer writes it. */
class RestorePreviewTest {
    private static final Path FILE = Path.of("/exports/facet-people.json");

    @Test
    void countsChangesByKindAndListsUnmatchedFacesAndReplacedUserChoicesAsConflicts() {
        RestoreReport dryRun = new RestoreReport(true, null, 30, 12, 10, List.of(
                new RestoreChange(Kind.CREATE_PERSON, null, "Ada", "create person \"Ada\""),
                new RestoreChange(Kind.ASSIGN, 4L, "Ada", "assign face 4 to \"Ada\" (user; was unassigned)"),
                new RestoreChange(Kind.ASSIGN, 5L, "Ada", "assign face 5 to \"Ada\" (user; was on person 2 by auto)"),
                new RestoreChange(Kind.ASSIGN, 6L, "Ada", "assign face 6 to \"Ada\" (user; was on person 3 by user)"),
                new RestoreChange(Kind.MARK_NOT_A_FACE, 7L, null, "mark face 7 not a face"),
                new RestoreChange(Kind.SET_COVER, 4L, "Ada", "make face 4 the cover of \"Ada\"")),
                List.of(new UnmatchedFace("/photos/gone.jpg", "Bo", "the photo is not in the catalog"),
                        new UnmatchedFace("/photos/b.jpg", null, "no face of the photo overlaps box 1,2 3x4 with IoU 0.5 or more")));

        RestorePreview p = RestorePreview.of(FILE, dryRun);

        assertThat(p.headline()).isEqualTo("30 faces in the file, 12 with a decision; 10 of those found in this library.");
        assertThat(p.count(Kind.ASSIGN)).isEqualTo(3);
        assertThat(p.count(Kind.NO_FACES)).isZero();
        assertThat(p.summaryLines()).containsExactly("Create 1 person", "Assign 3 faces to a person", "Mark 1 face \"not a face\"",
                "Choose 1 cover");
        assertThat(p.overrides()).isEqualTo(1);
        assertThat(p.conflicts()).isEqualTo(3);
        assertThat(p.conflictLines()).containsExactly(
                "Replaces your choice: assign face 6 to \"Ada\" (user; was on person 3 by user)",
                "Not applied: /photos/gone.jpg (Bo): the photo is not in the catalog",
                "Not applied: /photos/b.jpg: no face of the photo overlaps box 1,2 3x4 with IoU 0.5 or more");
        assertThat(p.changesSomething()).isTrue();
    }

    @Test
    void aFileThisLibraryAlreadyHoldsChangesNothing() {
        RestorePreview p = RestorePreview.of(FILE, new RestoreReport(true, null, 3, 3, 3, List.of(), List.of()));
        assertThat(p.changesSomething()).isFalse();
        assertThat(p.conflicts()).isZero();
        assertThat(p.summaryLines()).containsExactly("Nothing to change: this library already holds every decision of the file.");
        assertThat(RestoreAction.describe(FILE, new RestoreReport(false, Path.of("/lib/backups/catalog-1.db"), 3, 3, 3,
                List.of(new RestoreChange(Kind.ASSIGN, 1L, "Ada", "assign")), List.of())))
                .isEqualTo("Restored facet-people.json: 1 change; backup of the catalog before it: /lib/backups/catalog-1.db.");
    }

    @Test
    void deletedFacesAreCountedAndAFaceKeptForADecisionIsAConflict() {
        RestoreReport dryRun = new RestoreReport(true, null, 4, 1, 1, List.of(
                new RestoreChange(Kind.REMOVE_DELETED_FACE, 8L, null, "remove face 8 of photo 2: the user deleted the face at this place"),
                new RestoreChange(Kind.RECORD_DELETION, null, null, "remember that the face at 1,2 30x40 of photo 2 was deleted"),
                new RestoreChange(Kind.RECORD_DELETION, null, "Bo", "remember that the face at 5,6 30x40 of photo 3 was deleted")),
                List.of(), 3, List.of(new KeptFace("/photos/c.jpg", 9L, "Ada", "face 9 carries a decision here: kept")));

        RestorePreview p = RestorePreview.of(FILE, dryRun);

        assertThat(p.summaryLines()).containsExactly("Remember 2 deleted faces", "Remove 1 face found where a face was deleted");
        assertThat(p.conflicts()).isEqualTo(1);
        assertThat(p.conflictLines()).containsExactly("Kept: /photos/c.jpg (Ada): face 9 carries a decision here: kept");
        assertThat(dryRun.deletionsRecorded()).isEqualTo(2);
        assertThat(dryRun.deletedFacesRemoved()).isEqualTo(1);
        assertThat(RestoreAction.describe(FILE, new RestoreReport(false, null, 4, 1, 1, dryRun.changes(), List.of(), 3, dryRun.kept())))
                .isEqualTo("Restored facet-people.json: 3 changes, 1 face at a deleted place kept for a decision.");
    }
}
