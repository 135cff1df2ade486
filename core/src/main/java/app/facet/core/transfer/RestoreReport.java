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
 * @param unmatched faces with a decision that found no face in the catalog
 */
public record RestoreReport(boolean dryRun, Path backup, int faces, int decisions, int matched, List<RestoreChange> changes,
                            List<UnmatchedFace> unmatched) {
    public RestoreReport {
        changes = List.copyOf(changes);
        unmatched = List.copyOf(unmatched);
    }

    /** @return faces whose assignment or answers changed */
    public long facesChanged() {
        return changes.stream().filter(c -> c.faceId() != null).map(RestoreChange::faceId).distinct().count();
    }

    public List<String> personsCreated() {
        return changes.stream().filter(c -> c.kind() == RestoreChange.Kind.CREATE_PERSON).map(RestoreChange::person).toList();
    }
}
