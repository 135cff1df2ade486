package app.facet.core.integrity;

import java.io.IOException;

/** One planned change that knows how to re-check itself and apply itself inside its check's transaction. */
interface RepairAction {
    PlannedChange planned();

    /**
     * Re-checks, inside the repair transaction, that the row still has the problem and is still as the plan saw it.
     *
     * @return null when the change still applies, else why it is skipped
     * @throws app.facet.core.catalog.CatalogException on a database error
     */
    String staleReason(RepairContext ctx) throws IOException;

    void apply(RepairContext ctx) throws IOException;
}
