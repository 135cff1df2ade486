package app.facet.app.cli.integrity;

import app.facet.app.cli.LibraryOption;

import app.facet.core.library.FacetLibrary;
import app.facet.app.cli.ModelOptions;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.editor.FaceEditService;
import app.facet.core.rules.PersonNames;
import app.facet.core.transfer.AssignmentFiles;
import app.facet.core.transfer.ExportedFace;
import app.facet.core.transfer.AssignmentRestorer;
import app.facet.core.transfer.KeptFace;
import app.facet.core.transfer.RestoreChange;
import app.facet.core.transfer.RestoreReport;
import app.facet.core.transfer.UnmatchedFace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code facet restore FILE [--dry-run] [--library DIR]}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Apply a facet export (CSV or JSON) to this library's photos: photos are found by content hash when they moved, "
                + "faces by box overlap; hand-drawn boxes no face matches are added as faces (cut and embedded from the photo, "
                + "which needs the models), \"no faces\" decisions remove the detected faces, faces the user deleted are remembered "
                + "and the face found at their place is removed unless it carries a decision here (then it is kept and listed). "
                + "The file is validated whole first "
                + "(names by the one name rule; a file putting one face on two persons is refused); all changes are one "
                + "transaction, after a backup.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every face with a decision was matched", "1:some faces found no match, or a face at the place of a deleted "
                + "face was kept because it carries a decision (listed)",
                "2:nothing applied: the file is invalid or the catalog could not be changed (the message says why)"})
public final class RestoreCommand implements Callable<Integer> {
    static final int UNMATCHED_SHOWN = 20;

    @Mixin
    LibraryOption library;

    @Parameters(index = "0", paramLabel = "FILE", description = "A file written by facet export.")
    Path file;

    @Option(names = "--dry-run", description = "Report what would change; change nothing.")
    boolean dryRun;

    @Mixin
    ModelOptions models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CliOutput.run(spec, () -> {
            // the file is validated whole before the library is opened; the face analyzer is loaded only when the file
            // holds a hand-drawn box (it may have to be added as a face)
            boolean drawn = AssignmentFiles.read(file.toAbsolutePath()).faces().stream().anyMatch(ExportedFace::manual);
            if (!library.location().exists()) {
                library.existing(); // one sentence: no library there
            }
            RestoreReport r;
            try (FacetLibrary opened = library.open(models)) {
                Catalog catalog = opened.catalog();
                PhotoAnalyzer analyzer = drawn ? opened.analyzer() : null;
                r = new AssignmentRestorer(catalog, analyzer == null ? null : new FaceEditService(catalog, analyzer))
                        .restore(file.toAbsolutePath(), dryRun);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s %s: %d faces, %d with a decision, %d matched, %d unmatched; %d change%s%s.%n",
                    r.dryRun() ? "Dry run of" : "Restored", file, r.faces(), r.decisions(), r.matched(), r.unmatched().size(),
                    r.changes().size(), r.changes().size() == 1 ? "" : "s", r.dryRun() ? " would be made, nothing was changed" : "");
            if (r.backup() != null) {
                out.printf(Locale.ROOT, "Backup of the catalog before the restore: %s%n", r.backup());
            }
            if (r.deletions() > 0 || !r.kept().isEmpty()) {
                out.printf(Locale.ROOT, "Deleted faces: %d in the file, %d %s, %d %s removed, %d kept for a decision%s.%n",
                        r.deletions(), r.deletionsRecorded(), r.dryRun() ? "to record" : "recorded", r.deletedFacesRemoved(),
                        r.deletedFacesRemoved() == 1 ? "face" : "faces", r.kept().size(), r.kept().isEmpty() ? "" : " (listed)");
            }
            for (RestoreChange c : r.changes()) {
                out.printf(Locale.ROOT, "  %s%n", PersonNames.escaped(c.description()));
            }
            if (!r.unmatched().isEmpty()) {
                out.println("Not matched:");
                r.unmatched().stream().limit(UNMATCHED_SHOWN).forEach((UnmatchedFace u) -> out.printf(Locale.ROOT, "  %s%s: %s%n",
                        PersonNames.escaped(u.photoPath()), u.person() == null ? "" : " (" + PersonNames.escaped(u.person()) + ")",
                        PersonNames.escaped(u.reason())));
                if (r.unmatched().size() > UNMATCHED_SHOWN) {
                    out.printf(Locale.ROOT, "  ... and %d more%n", r.unmatched().size() - UNMATCHED_SHOWN);
                }
            }
            if (!r.kept().isEmpty()) {
                out.println("Kept for a decision (the file says the face here was deleted):");
                r.kept().stream().limit(UNMATCHED_SHOWN).forEach((KeptFace k) -> out.printf(Locale.ROOT, "  %s%s: %s%n",
                        PersonNames.escaped(k.photoPath()), k.person() == null ? "" : " (" + PersonNames.escaped(k.person()) + ")",
                        PersonNames.escaped(k.reason())));
                if (r.kept().size() > UNMATCHED_SHOWN) {
                    out.printf(Locale.ROOT, "  ... and %d more%n", r.kept().size() - UNMATCHED_SHOWN);
                }
            }
            out.flush();
            return r.unmatched().isEmpty() && r.kept().isEmpty() ? CliOutput.OK : CliOutput.PROBLEMS;
        });
    }
}
