package app.facet.core.decisions;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.DecisionStore;
import app.facet.core.catalog.MetadataFaceStore;
import app.facet.core.catalog.MetadataReviewRow;
import app.facet.core.catalog.OrphanedDecisionRow;
import app.facet.core.catalog.Tx;

import java.util.List;

/**
 * The user decisions kept because their face row was replaced and no new face took them ({@code orphaned_decisions}):
 * what the CLI ({@code facet decisions}) and the desktop list as needing review. Decisions still awaiting their
 * photo's re-analysis (a scan cancelled, or an analysis that failed) are listed too, marked so.
 */
public final class DecisionReview {
    private final Catalog catalog;

    public DecisionReview(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return every kept decision, oldest first; boxes in the old image's pixels after EXIF orientation
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be read
     */
    public List<OrphanedDecisionRow> list() {
        return Tx.read(catalog, "list the decisions needing review", DecisionStore::list);
    }

    /** @return decisions needing review (not those awaiting a re-analysis). @throws app.facet.core.catalog.CatalogException */
    public long countNeedingReview() {
        return Tx.read(catalog, "count the decisions needing review", DecisionStore::countNeedingReview);
    }

    /**
     * @return what scans could not take from face regions in XMP (conflicts with decisions made in Facet, regions not
     *         imported, bad metadata), oldest first; boxes in original-image pixels after EXIF orientation
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be read
     */
    public List<MetadataReviewRow> listMetadata() {
        return Tx.read(catalog, "list the face regions kept for review", MetadataFaceStore::list);
    }

    /**
     * Dismisses a decision kept for review: the user has seen it and lets it go. An orphaned decision needing review is forgotten
     * (its face is gone; the person stays; one still awaiting its photo's analysis is not dismissed); a metadata review row is removed (Facet's own decision stands).
     *
     * @return whether there was such a row
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be written
     */
    public boolean dismiss(ReviewItem item) {
        return Tx.write(catalog, "dismiss " + item, tx -> switch (item.source()) {
            case DECISION -> DecisionStore.dismiss(tx, item.id()) == 1;
            case METADATA -> MetadataFaceStore.dismiss(tx, item.id());
        });
    }

    /**
     * One row of the review list, as the CLI and desktop name it: {@code 12} for an orphaned decision, {@code m12} for
     * a face region kept for review (their ids are numbered apart).
     */
    public record ReviewItem(Source source, long id) {
        public enum Source { DECISION, METADATA }

        /** @throws IllegalArgumentException for text that is neither {@code N} nor {@code mN} */
        public static ReviewItem parse(String text) {
            String t = text.strip();
            try {
                return t.startsWith("m") || t.startsWith("M")
                        ? new ReviewItem(Source.METADATA, Long.parseLong(t.substring(1)))
                        : new ReviewItem(Source.DECISION, Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a review id: '" + t + "' (a number such as 12, or m12 for a face region).");
            }
        }

        @Override
        public String toString() {
            return source == Source.METADATA ? "m" + id : Long.toString(id);
        }
    }
}
