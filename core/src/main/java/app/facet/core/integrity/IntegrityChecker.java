package app.facet.core.integrity;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Checks a catalog and reports what is wrong, without changing anything (not one byte of the catalog, no file).
 * <p>
 * {@link CheckMode#QUICK} runs the SQL-only checks (for start-up: under a second on a 100k-photo catalog);
 * {@link CheckMode#FULL} adds SQLite's integrity_check and the checks that stat photo and crop files, list the
 * crops folder and decode every embedding. All checks read one snapshot of the catalog (one read transaction),
 * so a scan writing meanwhile does not make them disagree with each other.
 * <p>
 * Thread-safe: each call opens its own connection. Run FULL checks off the UI thread.
 */
public final class IntegrityChecker {
    private static final Logger log = LoggerFactory.getLogger(IntegrityChecker.class);

    private final Catalog catalog;

    public IntegrityChecker(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Runs a check without progress reports. @throws CatalogException when the catalog cannot be read at all */
    public IntegrityReport check(CheckMode mode) {
        return check(mode, IntegrityProgress.NONE, () -> false);
    }

    /**
     * Runs every check of {@code mode}.
     *
     * @param progress  told (done, total) work items as the check advances
     * @param cancelled polled between items; when it turns true the check stops
     * @return the report; a check that itself failed (e.g. a damaged page) shows as one finding saying so
     * @throws CancellationException when {@code cancelled} turned true
     * @throws CatalogException      when the catalog cannot be opened or read at all
     */
    public IntegrityReport check(CheckMode mode, IntegrityProgress progress, BooleanSupplier cancelled) {
        return run(mode, checks(mode), progress, cancelled);
    }

    /** Runs the given checks (benchmarks and tests pick subsets); {@code mode} is only recorded in the report. */
    IntegrityReport run(CheckMode mode, List<IntegrityCheck> checks, IntegrityProgress progress, BooleanSupplier cancelled) {
        return run(mode, checks, progress, cancelled, false).report();
    }

    /**
     * A check run with, per check name, the findings kept: the first {@link CheckResult#MAX_SAMPLES}, or all of
     * them when asked (the repair plans from the complete list).
     */
    record CheckRun(IntegrityReport report, Map<String, List<Sample>> findings) {
        List<Sample> findings(String check) {
            return findings.getOrDefault(check, List.of());
        }
    }

    /** Full check keeping every finding, for the repair planner. */
    CheckRun runKeepingAll(IntegrityProgress progress, BooleanSupplier cancelled) {
        return run(CheckMode.FULL, checks(CheckMode.FULL), progress, cancelled, true);
    }

    private CheckRun run(CheckMode mode, List<IntegrityCheck> checks, IntegrityProgress progress, BooleanSupplier cancelled, boolean keepAll) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        ProgressTracker tracker = new ProgressTracker(progress, cancelled);
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            try {
                CheckContext ctx = new CheckContext(c, catalog.location(), tracker);
                long total = 0;
                for (IntegrityCheck check : checks) {
                    total += check.workItems(ctx);
                }
                tracker.setTotal(total);
                List<CheckResult> results = new ArrayList<>();
                Map<String, List<Sample>> kept = new LinkedHashMap<>();
                for (IntegrityCheck check : checks) {
                    tracker.throwIfCancelled();
                    Map<String, Findings> findings = runOne(check, ctx, keepAll);
                    for (CheckInfo info : check.infos()) {
                        results.add(findings.get(info.name()).toResult(info));
                        kept.put(info.name(), findings.get(info.name()).kept());
                    }
                }
                tracker.finish();
                IntegrityReport report = new IntegrityReport(mode, started, (System.nanoTime() - t0) / 1_000_000, results);
                log.info("event=integrity_checked mode={} problems={} elapsed_ms={}", mode, report.problemCount(), report.elapsedMillis());
                return new CheckRun(report, kept);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new CatalogException("The integrity check could not read the catalog " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Findings> runOne(IntegrityCheck check, CheckContext ctx, boolean keepAll) {
        Map<String, Findings> findings = new LinkedHashMap<>();
        check.infos().forEach(info -> findings.put(info.name(), keepAll ? Findings.keepingAll() : new Findings()));
        try {
            check.run(ctx, findings);
        } catch (SQLException | IOException e) {
            // a check that cannot run is itself a finding; the other checks still run
            log.warn("event=integrity_check_failed check={} reason={}", check.infos().get(0).name(), e.toString());
            findings.values().forEach(f -> f.add(Subject.DATABASE, null, null, "the check could not run: " + e.getMessage()));
        }
        return findings;
    }

    /** @return the checks {@code mode} runs, in report order */
    static List<IntegrityCheck> checks(CheckMode mode) {
        return allChecks().stream().filter(c -> mode == CheckMode.FULL || c.infos().get(0).mode() == CheckMode.QUICK).toList();
    }

    /** Every check in report order: the file, the schema guards, paths, files, boxes, embeddings, duplicates, persons, scans. */
    static List<IntegrityCheck> allChecks() {
        return List.of(
                new SqliteIntegrityCheck(),
                new ForeignKeyCheck(),
                new SchemaTriggersCheck(),
                SqlChecks.photoPathInManagedDir(),
                new FaceRowsCheck(),
                new FacePhotoMissingCheck(),
                new CropFileMissingCheck(),
                new OrphanCropFilesCheck(),
                new FaceGeometryCheck(),
                new EmbeddingNormCheck(),
                SqlChecks.duplicatePhotos(),
                SqlChecks.personCountsStale(),
                SqlChecks.personCoverInvalid(),
                SqlChecks.personWithoutFaces(),
                SqlChecks.photoScanStateInconsistent(),
                SqlChecks.photoScanStalled(),
                new ScanRunStuckCheck());
    }
}
