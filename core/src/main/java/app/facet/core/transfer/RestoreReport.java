package app.facet.core.transfer;

import java.nio.file.Path;
import java.util.List;

/**
 * What a restore matched, changed and could not match.
 *
 * @param dryRun    true when nothing was changed
 * @param backup    catalog copy made before the changes; null for a dry run or when nothing changed
 * @param faces     faces in the file
 * @param decisions faces in the file carrying a decision (a person, "not a face", "not this person", a cover)
 * @param matched   of those, found in the catalog (same photo by content hash or path, box IoU at least 0.5)
 * @param changes   every change, in the order applied
 * @param unmatched faces with a decision that found no face in the catalog (and deleted faces whose photo is not in it)
 * @param deletions faces the file says the user deleted
 * @param kept      faces at the place of a deleted face kept because they carry a decision of this library (conflicts)
 */
public record RestoreReport(boolean dryRun, Path backup, int faces, int decisions, int matched, List<RestoreChange> changes,
                            List<UnmatchedFace> unmatched, int deletions, List<KeptFace> kept) {
    public RestoreReport {
        changes = List.copyOf(changes);
        unmatched = List.copyOf(unmatched);
        kept = kept == null ? List.of() : List.copyOf(kept);
    }

    /** A report of a file without deleted faces. */
    public RestoreReport(boolean dryRun, Path backup, int faces, int decisions, int matched, List<RestoreChange> changes,
                         List<UnmatchedFace> unmatched) {
        this(dryRun, backup, faces, decisions, matched, changes, unmatched, 0, List.of());
    }

    /** @return deletions recorded in the catalog (a deletion already there is not recorded twice) */
    public long deletionsRecorded() {
        return changes.stream().filter(c -> c.kind() == RestoreChange.Kind.RECORD_DELETION).count();
    }

    /** @return faces removed because the user had deleted the face at their place */
    public long deletedFacesRemoved() {
        return changes.stream().filter(c -> c.kind() == RestoreChange.Kind.REMOVE_DELETED_FACE).count();
    }

    /** @return faces whose assignment or answers changed */
    public long facesChanged() {
        return changes.stream().filter(c -> c.faceId() != null).map(RestoreChange::faceId).distinct().count();
    }

    public List<String> personsCreated() {
        return changes.stream().filter(c -> c.kind() == RestoreChange.Kind.CREATE_PERSON).map(RestoreChange::person).toList();
    }
}
