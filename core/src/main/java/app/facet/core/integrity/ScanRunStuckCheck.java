package app.facet.core.integrity;

import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.IntegrityCheckStore;
import app.facet.core.catalog.IntegrityCheckStore.RunningScan;
import app.facet.core.catalog.Tx;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scan runs left 'running' by a process that is gone. A run is stuck when its recorded process (pid on this host)
 * is no longer alive, or, when liveness cannot be told (no pid recorded, or another host), when a later run has
 * started since. A run with no pid that is the latest run is not reported: it may be going right now.
 */
final class ScanRunStuckCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.SCAN_RUN_STUCK, "Scan runs still 'running' with no live process", Severity.WARNING,
            CheckMode.QUICK, "Repair marks them cancelled; the next scan finishes their photos.", true);

    /**
     * A stuck run.
     *
     * @param id     scan_runs.id
     * @param reason why it is known to be dead
     */
    record StuckRun(long id, String startedAt, String reason) {
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(CheckContext ctx, Findings findings) {
        for (StuckRun r : stuck(ctx.tx())) {
            findings.add(Subject.SCAN_RUN, r.id(), null, "started " + r.startedAt() + ": " + r.reason());
        }
        ctx.progress().advance(1);
    }

    /** @return the running scan runs whose process is known to be gone, in id order @throws CatalogException on a database error */
    static List<StuckRun> stuck(Tx tx) {
        List<StuckRun> out = new ArrayList<>();
        String host = ScanProcess.currentHost();
        for (RunningScan r : IntegrityCheckStore.runningScans(tx)) {
            String reason = stuckReason(r.startedAt(), r.pid(), host.equals(r.host()), r.laterRun());
            if (reason != null) {
                out.add(new StuckRun(r.id(), r.startedAt(), reason));
            }
        }
        return out;
    }

    /** @return why the run is dead, or null when it may be alive */
    static String stuckReason(String startedAt, Long pid, boolean sameHost, boolean laterRun) {
        if (pid != null && sameHost) {
            return ScanProcess.isAlive(pid, parse(startedAt)) ? null : "process " + pid + " is no longer running";
        }
        return laterRun ? "a later scan run has started since" : null;
    }

    private static Instant parse(String startedAt) {
        try {
            return startedAt == null ? null : Instant.parse(startedAt);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
