package app.facet.app.cli;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.HeldDecision;
import app.facet.core.catalog.OrphanedDecisionRow;
import app.facet.core.decisions.DecisionReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code facet decisions}: the user decisions kept for review because the face they were on is gone after its photo
 * was edited in another program (cropped, replaced) and no new face matched; one row per decision.
 */
@Command(name = "decisions", aliases = "review", mixinStandardHelpOptions = true,
        description = "List user decisions (names, \"not a face\", \"not this person\", hand-drawn boxes, covers) whose "
                + "face is gone after an edit of its photo and that need review.")
public final class DecisionsCommand implements Callable<Integer> {
    /** Column names are a contract: add freely, never rename or drop. */
    static final List<String> COLUMNS = List.of("decision_id", "state", "kind", "photo_id", "path", "person_id", "person",
            "old_face_id", "x", "y", "w", "h", "photo_width", "photo_height", "reason", "recorded_at");

    @Mixin
    LibraryOption library;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Catalog catalog = library.openExisting();
        try (RowPrinter out = new RowPrinter(format, COLUMNS, spec.commandLine().getOut())) {
            for (OrphanedDecisionRow r : new DecisionReview(catalog).list()) {
                HeldDecision d = r.decision();
                out.row(d.id(), d.needsReview() ? "needs_review" : "awaiting_analysis", d.kind().sql(), d.photoId(),
                        r.photoPath(), d.personId(), r.personName(), d.oldFaceId(), d.box().x(), d.box().y(), d.box().w(),
                        d.box().h(), d.photoWidth(), d.photoHeight(), d.reason(), d.recordedAt());
            }
        }
        return 0;
    }
}
