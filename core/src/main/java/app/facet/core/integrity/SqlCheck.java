package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckQuery;
import app.facet.core.catalog.IntegrityCheckStore;

/**
 * A check that is one store query ({@link IntegrityCheckQuery}): every row it returns is a finding, as the row id,
 * a path (or null) and a detail sentence.
 */
final class SqlCheck implements IntegrityCheck.Single {
    private final CheckInfo info;
    private final Subject subject;
    private final IntegrityCheckQuery query;

    SqlCheck(CheckInfo info, Subject subject, IntegrityCheckQuery query) {
        this.info = info;
        this.subject = subject;
        this.query = query;
    }

    @Override
    public CheckInfo info() {
        return info;
    }

    @Override
    public void run(CheckContext ctx, Findings findings) {
        IntegrityCheckStore.findings(ctx.tx(), query, row -> findings.add(subject, row.id(), row.path(), row.detail()));
        ctx.progress().advance(1);
    }
}
