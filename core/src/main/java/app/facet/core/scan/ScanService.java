package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.CatalogWriter;
import app.facet.core.catalog.CropFileJanitor;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.MetadataFaceStore;
import app.facet.core.catalog.PendingPhoto;
import app.facet.core.catalog.PhotoStore;
import app.facet.core.catalog.RunStore;
import app.facet.core.catalog.Tx;
import app.facet.core.integrity.ScanProcess;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.validation.FaceCropWriter;
import app.facet.core.validation.FaceRowRevalidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scans folders into the catalog in stages with plain data between them: walk ({@link FolderWalker}); catalogue
 * ({@link Cataloguer}: hash, detect moves, a {@link CataloguePlan} written in one transaction); analyse
 * ({@link AnalysisStage}: the {@link PhotoAnalyzer} on a bounded executor, no catalog access); and a sink
 * ({@link PhotoSink}) that writes each photo's result in one transaction on the single catalog writer thread and
 * checks only the rows it wrote. Re-validating the whole library is the integrity check's job, not the scan's.
 * <p>
 * Incremental rules ({@link CataloguePlanner}): a file with the same path, size and mtime is not read again; a
 * changed size or mtime is hashed, and only a changed hash makes the photo be analysed again (the user's decisions on
 * its faces are carried to the new faces, or kept for review: {@link app.facet.core.decisions.DecisionCarrier}); a new path whose hash
 * matches a catalogued photo that is gone from its old path is a move (the photo keeps its faces and people); a
 * catalogued photo no longer found under a scanned folder is marked missing, never dropped. Photos with no face
 * ({@code no_faces}) and failed photos are not analysed again until their file changes.
 */
public final class ScanService {
    private static final Logger log = LoggerFactory.getLogger(ScanService.class);

    private final Catalog catalog;
    private final PhotoAnalyzer analyzer;
    private final FreeSpaceGuard.Probe freeSpace;
    private final long marginBytes;

    /** A scan that stops when less than {@link FreeSpaceGuard#DEFAULT_MARGIN_BYTES} are free in the library folder. */
    public ScanService(Catalog catalog, PhotoAnalyzer analyzer) {
        this(catalog, analyzer, FreeSpaceGuard.FILE_STORE, FreeSpaceGuard.DEFAULT_MARGIN_BYTES);
    }

    /** @param marginBytes the scan stops when fewer bytes are usable in the library folder (0: never) */
    public ScanService(Catalog catalog, PhotoAnalyzer analyzer, FreeSpaceGuard.Probe freeSpace, long marginBytes) {
        this.catalog = catalog;
        this.analyzer = analyzer;
        this.freeSpace = freeSpace;
        this.marginBytes = marginBytes;
    }

    /** The facts of one run that its summary and its scan_runs row repeat. */
    private record Run(long id, List<Path> roots, String detector, String modelId, String embeddingNote, long startedNanos) {
    }

    /**
     * Runs one scan to the end, or until {@code cancellation} is set (then every photo is either fully
     * written or left pending for the next run). Blocks the calling thread: run it on a background thread.
     *
     * A full disk (below the margin, before or during the scan) stops it like a cancellation, with
     * {@link Cancellation#reason()} set to "disk full: N MB free in ...".
     *
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be written at all
     * @throws IllegalArgumentException when a root is not an existing folder
     * @throws ScanAlreadyRunningException when another scan of this library is live (nothing was written)
     */
    public ScanSummary scan(ScanOptions options, ScanListener listener, Cancellation cancellation) {
        long started = System.nanoTime();
        List<Path> roots = folders(options.roots());
        String modelId = analyzer.embeddingModelId().orElse(null);
        log.info("event=scan_started roots=\"{}\" dry_run={} detector=\"{}\" embedding_model={} threads={}",
                roots, options.dryRun(), analyzer.describeDetector(), modelId, options.threads());
        ScanCounts n = new ScanCounts();
        FreeSpaceGuard guard = new FreeSpaceGuard(catalog.location().root(), marginBytes, freeSpace);
        // resources close in reverse: the workers have left native code before the lock is released
        try (ScanLock lock = options.dryRun() ? null : ScanLock.acquire(catalog.location().root());
             CatalogWriter writer = new CatalogWriter(catalog); WorkerPool pool = new WorkerPool(options.threads())) {
            if (!options.dryRun() && stopIfDiskFull(guard, cancellation)) {
                return n.summary(0, "cancelled", false, analyzer.describeDetector(), modelId,
                        analyzer.embeddingUnavailableReason().orElse(null), started);
            }
            if (!options.dryRun()) {
                KilledRunRecovery.markKilledRuns(writer);
                KilledRunRecovery.removeOrphanCrops(writer, catalog.location());
            }
            Run run = new Run(options.dryRun() ? 0 : startRun(writer, roots, modelId), roots, analyzer.describeDetector(),
                    modelId, analyzer.embeddingUnavailableReason().orElse(null), started);
            List<FoundFile> found = walk(roots, listener, cancellation);
            n.seen = found.size();
            Cataloguer cataloguer = new Cataloguer(catalog, listener, cancellation);
            // the models load in parallel with hashing when the walk found new or changed files, else while the plan is
            // written if it has photos to analyse; a scan of an unchanged library never loads them (0.7 CPU s)
            AtomicReference<CompletableFuture<Void>> loading = new AtomicReference<>();
            CataloguePlan plan = cataloguer.plan(found, roots, pool, () -> {
                if (!options.dryRun()) {
                    loading.set(analyzer.loadInBackground());
                }
            });
            if (options.metadataFaces()) {
                plan = SidecarChanges.apply(plan, Tx.read(catalog, "read the sidecar stamps", MetadataFaceStore::sidecarStamps));
            }
            n.add(plan);
            if (options.dryRun()) {
                n.pendingLeft = plan.toAnalyse().size();
                return n.summary(run.id(), status(cancellation), true, run.detector(), modelId, run.embeddingNote(), started);
            }
            CompletableFuture<Void> models = loading.get();
            if (models == null && !plan.toAnalyse().isEmpty()) {
                models = analyzer.loadInBackground();
            }
            List<PendingPhoto> toAnalyse = cataloguer.write(plan, writer, options.retryFailed());
            if (options.limit() > 0 && toAnalyse.size() > options.limit()) {
                toAnalyse = toAnalyse.subList(0, options.limit());
            }
            if (!toAnalyse.isEmpty()) {
                awaitModels(models != null ? models : analyzer.loadInBackground());
            }
            analyse(toAnalyse, run.id(), writer, pool, listener, cancellation, n, guard, options.metadataFaces());
            return finish(run, writer, listener, cancellation, n);
        }
    }

    /** Models that cannot be loaded stop the scan with the loading's exception, before any photo is marked failed. */
    private static void awaitModels(CompletableFuture<Void> models) {
        try {
            models.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** @return true when the disk is already below the margin (the scan then writes nothing at all) */
    private static boolean stopIfDiskFull(FreeSpaceGuard guard, Cancellation cancellation) {
        guard.shortage().ifPresent(why -> {
            log.error("event=scan_stopped reason=disk_full detail=\"{}\"", why);
            cancellation.cancel(why);
        });
        return cancellation.reason() != null;
    }

    private static List<Path> folders(List<Path> given) {
        List<Path> roots = given.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path r : roots) {
            if (!Files.isDirectory(r)) {
                throw new IllegalArgumentException("Folder not found: " + r);
            }
        }
        return roots;
    }

    private long startRun(CatalogWriter writer, List<Path> roots, String modelId) {
        List<String> paths = roots.stream().map(Path::toString).toList();
        return writer.call(tx -> {
            long runId = RunStore.start(tx, paths, analyzer.detectorId(), modelId, ScanProcess.currentPid(),
                    ScanProcess.currentHost());
            if (modelId != null) {
                PhotoStore.registerEmbeddingModel(tx, modelId, analyzer.embeddingDimension().orElseThrow(),
                        analyzer.embeddingModelSha256().orElse(""));
            }
            return runId;
        });
    }

    private List<FoundFile> walk(List<Path> roots, ScanListener listener, Cancellation cancellation) {
        listener.onProgress(new ScanProgress(ScanPhase.WALKING, 0, -1, 0, null));
        FolderWalker walker = new FolderWalker(List.of(catalog.location().root()));
        return walker.walk(roots, count -> {
            if (count % 500 == 0) {
                listener.onProgress(new ScanProgress(ScanPhase.WALKING, count, -1, 0, null));
            }
        }, cancellation);
    }

    private void analyse(List<PendingPhoto> photos, long runId, CatalogWriter writer, WorkerPool pool, ScanListener listener,
                         Cancellation cancellation, ScanCounts n, FreeSpaceGuard guard, boolean metadataFaces) {
        LibraryLocation location = catalog.location();
        CropFiles crops = new CropFiles(location.cropsDir());
        PhotoSink sink = new PhotoSink(writer, new FaceCropWriter(ManagedFolder.of(location.managedDir()), location.cropsDir()),
                new FaceRowRevalidator(catalog), analyzer, crops, runId);
        AnalysisStage stage = new AnalysisStage(analyzer, crops, runId, metadataFaces);
        AtomicLong done = new AtomicLong();
        listener.onProgress(new ScanProgress(ScanPhase.ANALYSING, 0, photos.size(), 0, null));
        stage.run(photos, pool, cancellation, result -> {
            if (stopIfDiskFull(guard, cancellation)) {
                // this photo stays pending, without the crop files it would have referenced
                sink.discard(result);
                return;
            }
            PhotoOutcome outcome = sink.write(result);
            if (PhotoOutcome.DISK_FULL.equals(outcome.failureCode())) {
                cancellation.cancel(guard.shortage().orElse("disk full: the catalog could not be written in "
                        + catalog.location().root()));
            }
            n.add(outcome);
            listener.onProgress(new ScanProgress(ScanPhase.ANALYSING, done.incrementAndGet(), photos.size(), n.faces.get(),
                    result.photo().path()));
        });
    }

    /** Removes crop files of deleted faces, counts what is left pending and records the run. */
    private ScanSummary finish(Run run, CatalogWriter writer, ScanListener listener, Cancellation cancellation, ScanCounts n) {
        listener.onProgress(new ScanProgress(ScanPhase.FINISHING, 0, 1, n.faces.get(), null));
        try {
            new CropFileJanitor(catalog).sweep();
        } catch (CatalogException e) {
            // a full disk or a locked catalog: the files stay queued, the next scan removes them
            log.warn("event=crop_sweep_failed error=\"{}\"", e.getMessage());
        }
        n.pendingLeft = Tx.read(catalog, "count pending photos", PhotoStore::pending).stream()
                .filter(p -> CataloguePlanner.underAny(p.path(), run.roots())).count();
        String status = status(cancellation);
        ScanSummary s = n.summary(run.id(), status, false, run.detector(), run.modelId(), run.embeddingNote(), run.startedNanos());
        RunStore.Totals totals = new RunStore.Totals(status, s.photosSeen(), s.photosNew(), s.photosUnchanged(),
                s.photosMoved(), s.photosMissing(), s.photosFailed(), s.photosNoFaces(), s.facesFound(), s.rejectedWrites());
        try {
            writer.call(tx -> {
                RunStore.finish(tx, run.id(), totals, run.embeddingNote());
                return null;
            });
        } catch (CatalogException e) {
            // the run stays 'running' with this pid: the next scan marks it cancelled
            log.error("event=run_finish_failed run={} error=\"{}\"", run.id(), e.getMessage());
        }
        listener.onProgress(new ScanProgress(ScanPhase.FINISHING, 1, 1, n.faces.get(), null));
        ScanSummary.RegionTotals rt = s.regions();
        log.info("event=scan_finished run={} status={} analysed={} faces={} failed={} rejected={} flagged_invalid={} elapsed_ms={} "
                        + "metadata_names_applied={} metadata_names_changed={} metadata_faces_added={} metadata_conflicts={} "
                        + "metadata_other_review={} deleted_faces_kept_deleted={}",
                run.id(), status, s.photosAnalysed(), s.facesFound(), s.photosFailed(), s.rejectedWrites(),
                s.invalidFlagged(), s.elapsed().toMillis(), rt.namesApplied(), rt.namesChanged(), rt.facesAdded(),
                rt.conflicts(), rt.otherReview(), rt.deletedKept());
        return s;
    }

    private static String status(Cancellation cancellation) {
        return cancellation.isCancelled() ? "cancelled" : "completed";
    }
}
