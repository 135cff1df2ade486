package app.facet.core.integrity;

import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.IntegrityCheckSchemaStore;
import app.facet.core.catalog.IntegrityCheckSchemaStore.ForeignKeyViolation;
import app.facet.core.catalog.Tx;

import java.util.List;

/** {@code PRAGMA foreign_key_check}: rows pointing at a parent row that does not exist (written with foreign keys off). */
final class ForeignKeyCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.FOREIGN_KEYS, "Rows pointing at rows that do not exist", Severity.ERROR,
            CheckMode.QUICK,
            "Repair re-links faces to their photo where it can be found (else removes them, kept in integrity_removed_rows), "
                    + "unassigns faces from missing persons, drops embeddings of unknown models and clears other dangling links.", true);

    /**
     * One violation.
     *
     * @param table  child table
     * @param rowId  child rowid
     * @param parent parent table
     * @param column child column holding the dangling reference
     * @param parentColumn parent column it should match; null for the parent's primary key (rowid)
     */
    record Violation(String table, long rowId, String parent, String column, String parentColumn) {
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    /** Each violation stands on its own, so it needs no snapshot shared with the other checks: it runs beside them. */
    @Override
    public boolean runsBeside() {
        return true;
    }

    @Override
    public void run(CheckContext ctx, Findings findings) {
        for (Violation v : violations(ctx.tx())) {
            findings.add(subject(v.table()), v.rowId(), null,
                    v.table() + "." + v.column() + " of row " + v.rowId() + " points at a missing " + v.parent() + " row");
        }
        ctx.progress().advance(1);
    }

    /** @return every violation {@code PRAGMA foreign_key_check} reports @throws CatalogException on a database error */
    static List<Violation> violations(Tx tx) {
        return IntegrityCheckSchemaStore.foreignKeyViolations(tx).stream()
                .map(v -> new Violation(v.table(), v.rowId(), v.parent(), v.column(), v.parentColumn())).toList();
    }

    /** @return true when the row still exists and its column still points at no parent row @throws CatalogException on a database error */
    static boolean stillDangling(Tx tx, Violation v) {
        return IntegrityCheckSchemaStore.stillDangling(tx,
                new ForeignKeyViolation(v.table(), v.rowId(), v.parent(), v.column(), v.parentColumn()));
    }

    /** @return true when {@code column} of {@code table} may hold NULL @throws CatalogException on a database error */
    static boolean nullable(Tx tx, String table, String column) {
        return IntegrityCheckSchemaStore.nullable(tx, table, column);
    }

    static Subject subject(String table) {
        return switch (table) {
            case "face_crops" -> Subject.FACE;
            case "photos" -> Subject.PHOTO;
            case "persons" -> Subject.PERSON;
            case "scan_runs" -> Subject.SCAN_RUN;
            default -> Subject.DATABASE;
        };
    }
}
