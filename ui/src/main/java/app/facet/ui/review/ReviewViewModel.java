package app.facet.ui.review;

import app.facet.core.catalog.HeldDecision;
import app.facet.core.catalog.MetadataReview;
import app.facet.core.catalog.MetadataReviewRow;
import app.facet.core.catalog.OrphanedDecisionRow;
import app.facet.core.decisions.DecisionReview;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The review window's state: the decisions needing review (orphaned decisions and face regions from XMP kept for
 * review), read and dismissed through the task bridge, reloaded whenever the catalog changes.
 */
public final class ReviewViewModel {
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final ObservableList<ReviewEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public ReviewViewModel(LibrarySession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
    }

    /** The rows, oldest first: orphaned decisions, then face regions. Modified on the UI thread only. */
    public ObservableList<ReviewEntry> entries() {
        return entries;
    }

    /** One line: how many, or that there is nothing to review. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Reads the rows again in the background. */
    public void reload() {
        LibraryContext lib = session.library();
        if (lib == null) {
            entries.clear();
            summary.set("No library is open.");
            return;
        }
        tasks.background("Reading the decisions needing review", (p, c) -> read(lib.metadata().review()), rows -> {
            if (session.library() == lib) {
                entries.setAll(rows);
                summary.set(rows.isEmpty() ? "Nothing needs review." : rows.size() + (rows.size() == 1 ? " item needs" : " items need")
                        + " review. Facet's own decisions stand until you change them; Dismiss removes an item from this list.");
            }
        }, null);
    }

    /** Dismisses {@code entry} (the user has seen it), then reloads. */
    public void dismiss(ReviewEntry entry) {
        LibraryContext lib = session.library();
        if (lib == null || entry == null) {
            return;
        }
        tasks.run("Dismissing " + entry.item(), "items", (p, c) -> lib.metadata().review().dismiss(entry.item()), ok -> reload(), null);
    }

    static List<ReviewEntry> read(DecisionReview review) {
        List<ReviewEntry> out = new ArrayList<>();
        for (OrphanedDecisionRow r : review.list()) {
            HeldDecision d = r.decision();
            String kind = d.kind().sql().replace('_', ' ') + (d.needsReview() ? " (face gone after an edit)" : " (awaiting analysis)");
            out.add(new ReviewEntry(new DecisionReview.ReviewItem(DecisionReview.ReviewItem.Source.DECISION, d.id()), r.photoPath(),
                    kind, r.personName(), d.needsReview() ? d.reason() : "The photo changed and waits for its next scan."));
        }
        for (MetadataReviewRow r : review.listMetadata()) {
            MetadataReview m = r.review();
            String kind = switch (m.kind()) {
                case CONFLICT -> "name in XMP conflicts";
                case NOT_IMPORTED -> "face region not imported";
                case BAD_METADATA -> "bad metadata";
            };
            out.add(new ReviewEntry(new DecisionReview.ReviewItem(DecisionReview.ReviewItem.Source.METADATA, r.id()), r.photoPath(),
                    kind, m.name(), m.reason() + " (" + m.source() + ")"));
        }
        return out;
    }
}
