package app.facet.core.integrity;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.IntegrityCheckConnections;
import app.facet.core.catalog.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Checks a catalog and reports what is wrong, without changing anything (not one byte of the catalog, no file).
 * <p>
 * {@link CheckMode#QUICK} runs the SQL-only checks (for start-up: under a second on a 100k-photo catalog);
 * {@link CheckMode#FULL} adds SQLite's integrity_check and the checks that stat photo and crop files, list the
 * crops folder and decode every embedding. All checks read one snapshot of the catalog (one read transaction),
 * so a scan writing meanwhile does not make them disagree with each other; integrity_check and foreign_key_check,
 * whose findings stand alone, run on a second connection and thread beside them (integrity_check alone takes as
 * long as all the others).
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
        Map<IntegrityCheck, Map<String, Findings>> found = new HashMap<>();
        try {
            // memory-mapped reads (set by the store) cut the CPU of integrity_check and full scans by a third
            IntegrityCheckConnections.snapshot(catalog, tx -> {
                CheckContext ctx = new CheckContext(tx, catalog.location(), tracker);
                long total = 0;
                for (IntegrityCheck check : checks) {
                    total += check.workItems(ctx);
                }
                tracker.setTotal(total);
                try (Beside beside = new Beside(checks.stream().filter(IntegrityCheck::runsBeside).toList(), tracker, keepAll)) {
                    for (IntegrityCheck check : checks) {
                        if (!check.runsBeside()) {
                            tracker.throwIfCancelled();
                            found.put(check, runOne(check, ctx, keepAll));
                        }
                    }
                    found.putAll(beside.results());
                }
                tracker.finish();
                return null;
            });
        } catch (CatalogException e) {
            throw new CatalogException("The integrity check could not read the catalog " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
        List<CheckResult> results = new ArrayList<>();
        Map<String, List<Sample>> kept = new LinkedHashMap<>();
        for (IntegrityCheck check : checks) {
            for (CheckInfo info : check.infos()) {
                Findings f = found.get(check).get(info.name());
                results.add(f.toResult(info));
                kept.put(info.name(), f.kept());
            }
        }
        IntegrityReport report = new IntegrityReport(mode, started, (System.nanoTime() - t0) / 1_000_000, results);
        log.info("event=integrity_checked mode={} problems={} elapsed_ms={}", mode, report.problemCount(), report.elapsedMillis());
        return new CheckRun(report, kept);
    }

    /**
     * The checks that run beside the others, each on its own connection, on one daemon thread. Closing it without
     * having asked for the results (the main checks failed or were cancelled) interrupts SQLite and waits.
     */
    private final class Beside implements AutoCloseable {
        private final ExecutorService thread;
        private final Future<Map<IntegrityCheck, Map<String, Findings>>> results;
        private final AtomicReference<Tx> running = new AtomicReference<>();
        private boolean collected;

        Beside(List<IntegrityCheck> checks, ProgressTracker tracker, boolean keepAll) {
            if (checks.isEmpty()) {
                thread = null;
                results = CompletableFuture.completedFuture(Map.of());
                return;
            }
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "integrity-check-beside");
                t.setDaemon(true);
                return t;
            });
            results = thread.submit(() -> IntegrityCheckConnections.separate(catalog, running::set, tx -> {
                Map<IntegrityCheck, Map<String, Findings>> out = new HashMap<>();
                CheckContext ctx = new CheckContext(tx, catalog.location(), tracker);
                for (IntegrityCheck check : checks) {
                    out.put(check, runOne(check, ctx, keepAll));
                }
                return out;
            }));
        }

        Map<IntegrityCheck, Map<String, Findings>> results() {
            collected = true;
            try {
                return results.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("integrity check interrupted");
            } catch (ExecutionException e) {
                // whatever stopped the checks beside (a database error, a cancellation) fails the whole check, as one
                throw e.getCause() instanceof CatalogException c ? c : new CatalogException(e.getCause().getMessage(), e.getCause());
            }
        }

        @Override
        public void close() {
            if (thread == null) {
                return;
            }
            if (!collected) {
                Tx tx = running.get();
                if (tx != null) {
                    try {
                        IntegrityCheckConnections.interrupt(tx);
                    } catch (CatalogException e) {
                        log.warn("event=integrity_interrupt_failed reason={}", e.toString());
                    }
                }
                results.cancel(false);
            }
            thread.shutdown();
            try {
                thread.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, Findings> runOne(IntegrityCheck check, CheckContext ctx, boolean keepAll) {
        Map<String, Findings> findings = new LinkedHashMap<>();
        check.infos().forEach(info -> findings.put(info.name(), keepAll ? Findings.keepingAll() : new Findings()));
        try {
            check.run(ctx, findings);
        } catch (CatalogException | IOException e) {
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
