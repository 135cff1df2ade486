package app.facet.app.cli;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.HeldDecision;
import app.facet.core.catalog.MetadataReview;
import app.facet.core.catalog.MetadataReviewRow;
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
        subcommands = DecisionsCommand.Dismiss.class,
        description = {"List user decisions (names, \"not a face\", \"not this person\", hand-drawn boxes, covers) whose "
                + "face is gone after an edit of its photo and that need review.",
                "Also lists the face regions read from photos' XMP that a scan could not take (decision_id m<N>, kind "
                        + "metadata_conflict, metadata_not_imported or metadata_bad): a name conflicting with a decision made "
                        + "in Facet, a region that could not become a face, bad metadata.",
                "`facet decisions dismiss ID` removes one from the list."})
public final class DecisionsCommand implements Callable<Integer> {
    /** Column names are a contract: add freely, never rename or drop. */
    static final List<String> COLUMNS = List.of("decision_id", "state", "kind", "photo_id", "path", "person_id", "person",
            "old_face_id", "x", "y", "w", "h", "photo_width", "photo_height", "reason", "recorded_at", "source", "code");

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
                        d.box().h(), d.photoWidth(), d.photoHeight(), d.reason(), d.recordedAt(), null, null);
            }
            for (MetadataReviewRow r : new DecisionReview(catalog).listMetadata()) {
                MetadataReview m = r.review();
                String kind = switch (m.kind()) {
                    case CONFLICT -> "metadata_conflict";
                    case NOT_IMPORTED -> "metadata_not_imported";
                    case BAD_METADATA -> "metadata_bad";
                };
                boolean box = m.box() != null;
                out.row("m" + r.id(), "needs_review", kind, m.photoId(), r.photoPath(), null, m.name(), m.faceId(),
                        box ? m.box().x() : null, box ? m.box().y() : null, box ? m.box().w() : null, box ? m.box().h() : null,
                        null, null, m.reason(), r.recordedAt(), m.source(), m.code());
            }
        }
        return 0;
    }

    /** {@code facet decisions dismiss ID}: removes one row from the review list. */
    @Command(name = "dismiss", mixinStandardHelpOptions = true,
            description = "Dismiss one decision needing review (its decision_id: N, or mN for a face region). An orphaned "
                    + "decision is forgotten (its face is gone); for a face region, Facet's own decision stands.")
    static final class Dismiss implements Callable<Integer> {
        @Mixin
        LibraryOption library;
        @picocli.CommandLine.Parameters(paramLabel = "ID", description = "decision_id as `facet decisions` lists it")
        String id;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DecisionReview.ReviewItem item = DecisionReview.ReviewItem.parse(id);
            if (!new DecisionReview(library.openExisting()).dismiss(item)) {
                throw new UserError("No decision needing review has the id " + item + " (see `facet decisions`).");
            }
            spec.commandLine().getOut().println("Dismissed " + item + ".");
            return 0;
        }
    }
}
