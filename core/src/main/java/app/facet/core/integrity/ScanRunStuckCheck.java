package app.facet.core.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    public void run(CheckContext ctx, Findings findings) throws SQLException {
        for (StuckRun r : stuck(ctx.connection())) {
            findings.add(Subject.SCAN_RUN, r.id(), null, "started " + r.startedAt() + ": " + r.reason());
        }
        ctx.progress().advance(1);
    }

    static List<StuckRun> stuck(Connection c) throws SQLException {
        List<StuckRun> out = new ArrayList<>();
        String host = ScanProcess.currentHost();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.started_at, r.pid, r.host,"
                + " EXISTS (SELECT 1 FROM scan_runs l WHERE l.started_at > r.started_at OR (l.started_at = r.started_at AND l.id > r.id))"
                + " FROM scan_runs r WHERE r.status = 'running' ORDER BY r.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long pid = rs.getLong(3);
                boolean hasPid = !rs.wasNull();
                boolean sameHost = host.equals(rs.getString(4));
                boolean laterRun = rs.getBoolean(5);
                String reason = stuckReason(rs.getString(2), hasPid ? pid : null, sameHost, laterRun);
                if (reason != null) {
                    out.add(new StuckRun(rs.getLong(1), rs.getString(2), reason));
                }
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
