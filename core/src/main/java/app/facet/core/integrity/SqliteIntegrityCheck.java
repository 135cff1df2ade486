package app.facet.core.integrity;

import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.IntegrityCheckSchemaStore;
import app.facet.core.catalog.Tx;

import java.util.List;
import java.util.regex.Pattern;

/** SQLite's own structural check of the file ({@code PRAGMA integrity_check}); every message it prints is a finding. */
final class SqliteIntegrityCheck implements IntegrityCheck.Single {
    /** Messages about an index only (a rebuild from its table fixes them). */
    private static final Pattern INDEX_MESSAGE = Pattern.compile(
            "(row \\d+ missing from index \\S+|wrong # of entries in index \\S+|non-unique entry in index \\S+)");

    private static final CheckInfo INFO = new CheckInfo(CheckNames.SQLITE_INTEGRITY, "SQLite file integrity", Severity.ERROR,
            CheckMode.FULL,
            "Repair rebuilds damaged indexes (REINDEX); damage to tables needs a catalog backup from the backups folder.", true);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public boolean runsBeside() {
        return true;
    }

    @Override
    public void run(CheckContext ctx, Findings findings) {
        for (String message : messages(ctx.tx())) {
            findings.add(Subject.DATABASE, null, null, message);
        }
        ctx.progress().advance(1);
    }

    /** @return the messages of {@code PRAGMA integrity_check}, empty when it says "ok" @throws CatalogException on a database error */
    static List<String> messages(Tx tx) {
        return IntegrityCheckSchemaStore.integrityCheckMessages(tx);
    }

    /** @return true when every message concerns an index, so {@code REINDEX} repairs the file */
    static boolean onlyIndexDamage(List<String> messages) {
        return !messages.isEmpty() && messages.stream().allMatch(m -> INDEX_MESSAGE.matcher(m).find());
    }
}
