package app.facet.core.decisions;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.DecisionStore;
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
}
