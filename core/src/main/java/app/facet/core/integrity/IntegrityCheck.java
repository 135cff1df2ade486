package app.facet.core.integrity;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One pass over the catalog that yields one or more checks' findings (several checks share a pass when they read
 * the same rows: the face-row rules are one scan of {@code face_crops}). Implementations only read: never write
 * the catalog or touch files. A database error surfaces as {@link app.facet.core.catalog.CatalogException}.
 */
interface IntegrityCheck {
    /** @return the checks this pass reports, in report order */
    List<CheckInfo> infos();

    /** @return how many work items {@link #run} reports through the context's progress (1 for a plain SQL pass) */
    default long workItems(CheckContext ctx) {
        return 1;
    }

    /**
     * Adds every offending row to the findings of the check it breaks; advances the progress by {@link #workItems}.
     *
     * @param findings one {@link Findings} per name in {@link #infos()}
     */
    void run(CheckContext ctx, Map<String, Findings> findings) throws IOException;

    /**
     * @return true for a check whose findings stand alone (the file's structure, dangling references), so it needs no
     *         snapshot shared with the others: it runs on its own connection, on a second thread, beside them
     *         (SQLite's integrity_check alone takes as long as all the other full checks)
     */
    default boolean runsBeside() {
        return false;
    }

    /** A pass that reports exactly one check. */
    interface Single extends IntegrityCheck {
        CheckInfo info();

        void run(CheckContext ctx, Findings findings) throws IOException;

        @Override
        default List<CheckInfo> infos() {
            return List.of(info());
        }

        @Override
        default void run(CheckContext ctx, Map<String, Findings> findings) throws IOException {
            run(ctx, findings.get(info().name()));
        }
    }
}
