package app.facet.ui.transfer;

import app.facet.core.transfer.KeptFace;
import app.facet.core.transfer.RestoreChange;
import app.facet.core.transfer.RestoreReport;
import app.facet.core.transfer.UnmatchedFace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What File → Restore… shows before anything is applied, read from a dry run of the restore: how many faces the file
 * holds and carries decisions for, how many of those were found in this library, the changes by kind (people created,
 * assignments, "not a face", "not this person", covers, hand-drawn faces, "no faces" photos, deleted faces remembered
 * and faces removed at their place), and the conflicts: faces whose decision finds no face here (they will not be
 * applied), assignments that replace another person a user chose, and faces at the place of a deleted face kept for a
 * decision of this library. Plain state, testable without a window.
 *
 * @param file      the restore file
 * @param report    the dry run
 * @param byKind    changes counted by kind, every kind present (0 when none)
 * @param overrides assignments that move a face off a person the user had chosen (the file wins)
 */
public record RestorePreview(Path file, RestoreReport report, Map<RestoreChange.Kind, Integer> byKind, int overrides) {
    public RestorePreview {
        byKind = Map.copyOf(byKind);
    }

    /** @param dryRun the result of {@code AssignmentRestorer.restore(file, true)} */
    public static RestorePreview of(Path file, RestoreReport dryRun) {
        Map<RestoreChange.Kind, Integer> counts = new EnumMap<>(RestoreChange.Kind.class);
        for (RestoreChange.Kind k : RestoreChange.Kind.values()) {
            counts.put(k, 0);
        }
        int overrides = 0;
        for (RestoreChange c : dryRun.changes()) {
            counts.merge(c.kind(), 1, Integer::sum);
            // the restorer writes what an assignment replaces into its description: "(user; was on person 3 by user)"
            if (c.kind() == RestoreChange.Kind.ASSIGN && c.description().endsWith("by user)")) {
                overrides++;
            }
        }
        return new RestorePreview(file, dryRun, counts, overrides);
    }

    public int count(RestoreChange.Kind kind) {
        return byKind.getOrDefault(kind, 0);
    }

    /** True when applying changes something. */
    public boolean changesSomething() {
        return !report.changes().isEmpty();
    }

    /**
     * Faces with a decision that will not be applied, plus assignments that replace a user's choice, plus faces at the
     * place of a deleted face kept for a decision.
     */
    public int conflicts() {
        return report.unmatched().size() + overrides + report.kept().size();
    }

    /** The first line: what the file holds and what was found. */
    public String headline() {
        return String.format(Locale.ROOT, "%d %s in the file, %d with a decision; %d of those found in this library.",
                report.faces(), report.faces() == 1 ? "face" : "faces", report.decisions(), report.matched());
    }

    /** One line per kind of change that occurs, e.g. "Assign 12 faces to a person", in application order. */
    public List<String> summaryLines() {
        List<String> out = new ArrayList<>();
        line(out, RestoreChange.Kind.CREATE_PERSON, "Create %d %s", "person", "people");
        line(out, RestoreChange.Kind.SET_HIDDEN, "Hide %d %s", "person", "people");
        line(out, RestoreChange.Kind.ASSIGN, "Assign %d %s to a person", "face", "faces");
        line(out, RestoreChange.Kind.MARK_NOT_A_FACE, "Mark %d %s \"not a face\"", "face", "faces");
        line(out, RestoreChange.Kind.REJECT_PERSON, "Remember %d \"not this person\" %s", "answer", "answers");
        line(out, RestoreChange.Kind.SET_COVER, "Choose %d %s", "cover", "covers");
        line(out, RestoreChange.Kind.ADD_DRAWN_FACE, "Add %d hand-drawn %s", "face", "faces");
        line(out, RestoreChange.Kind.NO_FACES, "Mark %d %s as having no faces", "photo", "photos");
        line(out, RestoreChange.Kind.RECORD_DELETION, "Remember %d deleted %s", "face", "faces");
        line(out, RestoreChange.Kind.REMOVE_DELETED_FACE, "Remove %d %s found where a face was deleted", "face", "faces");
        if (out.isEmpty()) {
            out.add("Nothing to change: this library already holds every decision of the file.");
        }
        return out;
    }

    /**
     * One line per conflict: first the assignments that replace a user's choice, then the faces not found, then the faces
     * kept at the place of a deleted face.
     */
    public List<String> conflictLines() {
        List<String> out = new ArrayList<>();
        for (RestoreChange c : report.changes()) {
            if (c.kind() == RestoreChange.Kind.ASSIGN && c.description().endsWith("by user)")) {
                out.add("Replaces your choice: " + c.description());
            }
        }
        for (UnmatchedFace u : report.unmatched()) {
            out.add("Not applied: " + u.photoPath() + (u.person() == null ? "" : " (" + u.person() + ")") + ": " + u.reason());
        }
        for (KeptFace k : report.kept()) {
            out.add("Kept: " + k.photoPath() + (k.person() == null ? "" : " (" + k.person() + ")") + ": " + k.reason());
        }
        return out;
    }

    private void line(List<String> out, RestoreChange.Kind kind, String format, String one, String many) {
        int n = count(kind);
        if (n > 0) {
            out.add(String.format(Locale.ROOT, format, n, n == 1 ? one : many));
        }
    }
}
