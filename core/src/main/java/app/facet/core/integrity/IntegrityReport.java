package app.facet.core.integrity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of an integrity check run: every check that ran, in a stable order.
 *
 * @param mode          quick (SQL only) or full
 * @param startedAt     when the check started
 * @param elapsedMillis wall-clock duration of the check, milliseconds
 * @param checks        one result per check that ran (quick mode leaves out the file and embedding checks)
 */
public record IntegrityReport(CheckMode mode, Instant startedAt, long elapsedMillis, List<CheckResult> checks) {

    public IntegrityReport {
        checks = List.copyOf(checks);
    }

    /** @return true when no check found a problem (INFO findings do not count) */
    public boolean isClean() {
        return checks.stream().noneMatch(CheckResult::isProblem);
    }

    /** @return total number of problem rows over all ERROR and WARNING checks */
    public long problemCount() {
        return checks.stream().filter(CheckResult::isProblem).mapToLong(CheckResult::count).sum();
    }

    /** @return the checks that found a problem */
    public List<CheckResult> problems() {
        return checks.stream().filter(CheckResult::isProblem).toList();
    }

    public Optional<CheckResult> result(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** @return the count of the named check, 0 when it did not run or found nothing */
    public long count(String name) {
        return result(name).map(CheckResult::count).orElse(0L);
    }
}
