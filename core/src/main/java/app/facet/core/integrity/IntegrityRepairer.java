package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckConnections;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.RepairConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Repairs what the integrity check finds, only with a preview and a backup:
 * <ul>
 *   <li>{@link #plan} runs a full check and lists exactly what would change; it changes nothing (not one byte of the
 *       catalog, no file).</li>
 *   <li>{@link #apply} first copies the catalog ({@link CatalogBackup}, path in the result), then applies the plan check
 *       by check, one transaction each (BEGIN IMMEDIATE; rolled back whole when any change fails). Each change is
 *       re-checked just before it is made and skipped when the row changed since the plan.</li>
 *   <li>Faces pointing at a crop are re-pointed to their original photo when it can be resolved; only the rest are
 *       removed, and every removed row is kept in {@code integrity_removed_rows} with the reason.</li>
 *   <li>After applying, the full check runs again: the result shows before/after counts.</li>
 * </ul>
 * One repair round: a change can reveal a new finding (a face moved onto its original may duplicate a face already
 * there); the after report shows it and another repair fixes it.
 */
public final class IntegrityRepairer {
    private static final Logger log = LoggerFactory.getLogger(IntegrityRepairer.class);

    private final Catalog catalog;

    public IntegrityRepairer(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @see #plan(IntegrityProgress, BooleanSupplier) */
    public RepairPlan plan() {
        return plan(IntegrityProgress.NONE, () -> false);
    }

    /**
     * Runs a full check and plans every change; reads only.
     *
     * @throws CancellationException when {@code cancelled} turned true
     * @throws CatalogException      when the catalog cannot be read
     */
    public RepairPlan plan(IntegrityProgress progress, BooleanSupplier cancelled) {
        IntegrityChecker.CheckRun run = new IntegrityChecker(catalog).runKeepingAll(progress, cancelled);
        try {
            return IntegrityCheckConnections.snapshot(catalog, tx -> {
                try {
                    return new RepairPlan(run.report(), new RepairPlanner(tx, catalog.location(), run).plan());
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            });
        } catch (CatalogException | UncheckedIOException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CatalogException("Cannot plan the repair of " + catalog.location().catalogFile() + ": " + cause.getMessage(), cause);
        }
    }

    /** Plans and reports what a repair would do, changing nothing. */
    public RepairResult dryRun() {
        RepairPlan plan = plan();
        List<AppliedChange> changes = plan.actions().stream()
                .map(a -> new AppliedChange(a.planned(), a instanceof SchemaRepairs.LeaveForUser ? Outcome.LEFT_FOR_USER : Outcome.PLANNED, null))
                .toList();
        return new RepairResult(true, null, changes, plan.before(), null);
    }

    /** Plans and applies in one go (what {@code facet repair} does). */
    public RepairResult repair(IntegrityProgress progress, BooleanSupplier cancelled) {
        return apply(plan(progress, cancelled), progress, cancelled);
    }

    /**
     * Applies a plan: backup, then one transaction per check, each change re-checked first; then a full check again.
     *
     * @param cancelled polled between checks: when it turns true the remaining changes are not made (outcome
     *                  SKIPPED_STALE with note "cancelled") and the result is returned as is
     * @throws CatalogException when the backup cannot be made (then nothing is changed)
     */
    public RepairResult apply(RepairPlan plan, IntegrityProgress progress, BooleanSupplier cancelled) {
        if (plan.isEmpty()) {
            List<AppliedChange> left = plan.actions().stream().map(a -> new AppliedChange(a.planned(), Outcome.LEFT_FOR_USER, null)).toList();
            return new RepairResult(false, null, left, plan.before(), new IntegrityChecker(catalog).check(CheckMode.FULL));
        }
        String stamp = LocalDateTime.now().format(CatalogBackup.STAMP);
        Path backup = CatalogBackup.create(catalog, stamp);
        List<AppliedChange> outcomes = new ArrayList<>();
        ProgressTracker tracker = new ProgressTracker(progress, () -> false);
        tracker.setTotal(plan.actions().size());
        try {
            // applyGroup catches every exception of a check's changes: what arrives here failed opening the catalog
            // (or reading its managed folder setting), before any change
            RepairConnections.session(catalog, tx -> {
                RepairContext ctx = new RepairContext(tx, catalog.location(), backup, stamp);
                for (Map.Entry<String, List<RepairAction>> group : byCheck(plan.actions()).entrySet()) {
                    if (cancelled.getAsBoolean()) {
                        group.getValue().forEach(a -> outcomes.add(new AppliedChange(a.planned(), Outcome.SKIPPED_STALE, "cancelled")));
                        continue;
                    }
                    outcomes.addAll(applyGroup(ctx, group.getKey(), group.getValue()));
                    tracker.advance(group.getValue().size());
                }
                return null;
            });
        } catch (CatalogException e) {
            throw new CatalogException("The repair could not open the catalog " + catalog.location().catalogFile() + ": " + e.getMessage()
                    + " (backup at " + backup + ")", e.getCause() == null ? e : e.getCause());
        }
        IntegrityReport after = new IntegrityChecker(catalog).check(CheckMode.FULL);
        RepairResult result = new RepairResult(false, backup, outcomes, plan.before(), after);
        log.info("event=repair_finished applied={} skipped={} failed={} left={} problems_before={} problems_after={} backup={}",
                result.count(Outcome.APPLIED), result.count(Outcome.SKIPPED_STALE), result.count(Outcome.FAILED),
                result.count(Outcome.LEFT_FOR_USER), plan.before().problemCount(), after.problemCount(), backup);
        return result;
    }

    private static Map<String, List<RepairAction>> byCheck(List<RepairAction> actions) {
        Map<String, List<RepairAction>> groups = new LinkedHashMap<>();
        for (RepairAction a : actions) {
            groups.computeIfAbsent(a.planned().check(), k -> new ArrayList<>()).add(a);
        }
        return groups;
    }

    /** One check's changes in one write transaction (BEGIN IMMEDIATE): all committed, or all rolled back and reported FAILED. */
    private List<AppliedChange> applyGroup(RepairContext ctx, String check, List<RepairAction> actions) {
        List<AppliedChange> out;
        try {
            out = RepairConnections.writeTransaction(ctx.tx(), tx -> applyEach(ctx, check, actions));
        } catch (RuntimeException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            ctx.forgetCropsToMove();
            log.warn("event=repair_rolled_back check={} reason={}", check, cause.toString());
            String note = "rolled back: " + cause.getMessage();
            return actions.stream().map(a -> new AppliedChange(a.planned(),
                    a instanceof SchemaRepairs.LeaveForUser ? Outcome.LEFT_FOR_USER : Outcome.FAILED, note)).toList();
        }
        for (AppliedChange applied : out) {
            if (applied.outcome() == Outcome.APPLIED) {
                log.info("event=repair_applied check={} kind={} id={} path={}", check, applied.change().kind(), applied.change().id(),
                        applied.change().path());
            }
        }
        moveRemovedCrops(ctx);
        return out;
    }

    /** Re-checks and applies each change; an IOException of a change travels as UncheckedIOException (rolls back). */
    private static List<AppliedChange> applyEach(RepairContext ctx, String check, List<RepairAction> actions) {
        List<AppliedChange> out = new ArrayList<>();
        try {
            for (RepairAction a : actions) {
                if (a instanceof SchemaRepairs.LeaveForUser) {
                    out.add(new AppliedChange(a.planned(), Outcome.LEFT_FOR_USER, null));
                    continue;
                }
                String stale = a.staleReason(ctx);
                if (stale != null) {
                    log.info("event=repair_skipped check={} kind={} id={} reason={}", check, a.planned().kind(), a.planned().id(), stale);
                    out.add(new AppliedChange(a.planned(), Outcome.SKIPPED_STALE, stale));
                    continue;
                }
                a.apply(ctx);
                out.add(new AppliedChange(a.planned(), Outcome.APPLIED, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return out;
    }

    /** Crop files of faces removed (and committed) go beside the backups instead of being deleted. */
    private static void moveRemovedCrops(RepairContext ctx) {
        for (Path crop : ctx.drainCropsToMove()) {
            if (!Files.isRegularFile(crop)) {
                continue;
            }
            Path crops = ctx.location().cropsDir();
            Path target = ctx.movedCropsDir("removed-crops").resolve(crop.startsWith(crops) ? crops.relativize(crop) : crop.getFileName());
            try {
                Files.createDirectories(target.getParent());
                Files.move(crop, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // the row is gone already; a crop left behind shows as an orphan at the next check
                log.warn("event=removed_crop_not_moved path={} reason={}", crop, e.toString());
            }
        }
    }
}
