package app.facet.core.integrity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a repair or of its dry run.
 *
 * @param dryRun  true when nothing was changed
 * @param backup  the consistent catalog copy made before the first change; null for a dry run or when nothing needed changing
 * @param changes every planned change with its outcome (PLANNED in a dry run)
 * @param before  the full check the plan was made from
 * @param after   the full check run after the repair; null for a dry run
 */
public record RepairResult(boolean dryRun, Path backup, List<AppliedChange> changes, IntegrityReport before, IntegrityReport after) {

    public RepairResult {
        changes = List.copyOf(changes);
    }

    /** @return per check: count before and after (every check of the before report) */
    public List<CountChange> counts() {
        List<CountChange> out = new ArrayList<>();
        for (CheckResult b : before.checks()) {
            out.add(new CountChange(b.name(), b.severity(), b.count(), after == null ? null : after.count(b.name())));
        }
        return out;
    }

    public long count(Outcome outcome) {
        return changes.stream().filter(c -> c.outcome() == outcome).count();
    }
}
