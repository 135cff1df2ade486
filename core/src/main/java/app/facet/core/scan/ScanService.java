package app.facet.core.scan;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogWriter;
import app.facet.core.catalog.ContentHash;
import app.facet.core.catalog.CataloguedPhoto;
import app.facet.core.catalog.CropFileJanitor;
import app.facet.core.catalog.PhotoStore;
import app.facet.core.validation.FaceCropWriter;
import app.facet.core.validation.FaceRowRevalidator;
import app.facet.core.validation.FaceRowRules;
import app.facet.core.validation.NewFaceCrop;
import app.facet.model.AssignedBy;
import app.facet.model.ScanState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Scans folders into the catalog: walk, catalogue (incremental, move-aware), analyse pending photos on a
 * bounded executor, and write every result through the single catalog writer thread.
 * <p>
 * Incremental rules: a file with the same path, size and mtime is not read again; a changed size or mtime is
 * hashed, and only a changed hash makes the photo be analysed again; a new path whose hash matches a
 * catalogued photo that is gone from its old path is a move (the photo keeps its faces and people); a
 * catalogued photo no longer found under a scanned folder is marked missing, never dropped. Photos with no
 * face ({@code no_faces}) and failed photos are not analysed again until their file changes.
 */
public final class ScanService {
    private static final Logger log = LoggerFactory.getLogger(ScanService.class);

    private final Catalog catalog;
    private final PhotoAnalyzer analyzer;

    public ScanService(Catalog catalog, PhotoAnalyzer analyzer) {
        this.catalog = catalog;
        this.analyzer = analyzer;
    }

    /**
     * Runs one scan to the end, or until {@code cancellation} is set (then every photo is either fully
     * written or left pending for the next run). Blocks the calling thread: run it on a background thread.
     *
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be written at all
     * @throws IllegalArgumentException when a root is not an existing folder
     */
    public ScanSummary scan(ScanOptions options, ScanListener listener, Cancellation cancellation) {
        long started = System.nanoTime();
        List<Path> roots = options.roots().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path r : roots) {
            if (!Files.isDirectory(r)) {
                throw new IllegalArgumentException("Folder not found: " + r);
            }
        }
        String detector = analyzer.describeDetector();
        String modelId = analyzer.embeddingModelId().orElse(null);
        String embeddingNote = analyzer.embeddingUnavailableReason().orElse(null);
        log.info("event=scan_started roots=\"{}\" dry_run={} detector=\"{}\" embedding_model={} threads={}",
                roots, options.dryRun(), detector, modelId, options.threads());

        try (CatalogWriter writer = new CatalogWriter(catalog)) {
            long runId = 0;
            if (!options.dryRun()) {
                String rootsJson = roots.stream().map(p -> "\"" + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining(",", "[", "]"));
                runId = writer.call(c -> ScanRunStore.start(c, rootsJson, analyzer.detectorId(), modelId));
                if (modelId != null) {
                    int dim = analyzer.embeddingDimension().orElseThrow();
                    String sha = analyzer.embeddingModelSha256().orElse("");
                    writer.call(c -> {
                        PhotoStore.registerEmbeddingModel(c, modelId, dim, sha);
                        return null;
                    });
                }
            }
            Counters n = new Counters();

            // 1. walk
            listener.onProgress(new ScanProgress(ScanPhase.WALKING, 0, -1, 0, null));
            FolderWalker walker = new FolderWalker(List.of(catalog.location().root()));
            List<FoundFile> found = walker.walk(roots, count -> {
                if (count % 500 == 0) {
                    listener.onProgress(new ScanProgress(ScanPhase.WALKING, count, -1, 0, null));
                }
            }, cancellation);
            n.seen = found.size();

            // 2. catalogue
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
                Thread t = new Thread(r, "facet-scan-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Long> toAnalyse = catalogue(found, roots, options, writer, pool, listener, cancellation, n);
                if (options.dryRun()) {
                    return summary(runId, cancellation.isCancelled() ? "cancelled" : "completed", true, n, detector, modelId,
                            embeddingNote, started);
                }
                // 3. analyse
                if (options.limit() > 0 && toAnalyse.size() > options.limit()) {
                    toAnalyse = toAnalyse.subList(0, options.limit());
                }
                analyse(toAnalyse, runId, writer, pool, listener, cancellation, n);
            } finally {
                pool.shutdownNow();
            }

            // 4. finish: flag stored rows that break the rules, remove crop files of deleted faces
            listener.onProgress(new ScanProgress(ScanPhase.FINISHING, 0, 1, n.faces.get(), null));
            FaceRowRevalidator.Result reval = new FaceRowRevalidator(catalog).run();
            n.invalidFlagged = reval.flaggedInvalid();
            new CropFileJanitor(catalog).sweep();
            n.pendingLeft = countPending(roots);
            String status = cancellation.isCancelled() ? "cancelled" : "completed";
            ScanSummary summary = summary(runId, status, false, n, detector, modelId, embeddingNote, started);
            writer.call(c -> {
                ScanRunStore.finish(c, summary, embeddingNote);
                return null;
            });
            listener.onProgress(new ScanProgress(ScanPhase.FINISHING, 1, 1, n.faces.get(), null));
            log.info("event=scan_finished run={} status={} analysed={} faces={} failed={} rejected={} elapsed_ms={}",
                    runId, status, n.analysed.get(), n.faces.get(), n.failed.get(), n.rejected.get(), summary.elapsed().toMillis());
            return summary;
        }
    }

    /** Mutable tallies of one run; the summary is the immutable view. */
    private static final class Counters {
        long seen, fresh, unchanged, changed, moved, missing, pendingLeft, invalidFlagged;
        final AtomicLong analysed = new AtomicLong(), failed = new AtomicLong(), noFaces = new AtomicLong(),
                faces = new AtomicLong(), rejected = new AtomicLong();
        final Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();
    }

    private List<Long> catalogue(List<FoundFile> found, List<Path> roots, ScanOptions options, CatalogWriter writer,
                                 ExecutorService pool, ScanListener listener, Cancellation cancellation, Counters n) {
        Map<String, CataloguedPhoto> known;
        try (Connection c = catalog.connect()) {
            known = PhotoStore.loadAll(c);
        } catch (SQLException e) {
            throw new app.facet.core.catalog.CatalogException("Cannot read the catalog: " + e.getMessage(), e);
        }
        Set<String> foundPaths = new HashSet<>();
        List<FoundFile> toHash = new ArrayList<>();
        for (FoundFile f : found) {
            foundPaths.add(f.path().toString());
            CataloguedPhoto p = known.get(f.path().toString());
            if (p == null || p.sizeBytes() != f.size() || p.mtimeMs() != f.mtimeMs() || p.contentHash() == null) {
                toHash.add(f);
            }
        }
        // hash new and changed files in parallel: the hash is what recognises a moved or an edited photo
        Map<FoundFile, String> hashes = new ConcurrentHashMap<>();
        AtomicInteger hashed = new AtomicInteger();
        List<Future<?>> jobs = new ArrayList<>();
        for (FoundFile f : toHash) {
            jobs.add(pool.submit(() -> {
                if (cancellation.isCancelled()) {
                    return;
                }
                try {
                    hashes.put(f, ContentHash.of(f.path()));
                } catch (IOException e) {
                    // unreadable: catalogued without a hash, the analysis will record the reason
                    log.warn("event=hash_failed photo=\"{}\" error=\"{}\"", f.path(), e.toString());
                }
                int done = hashed.incrementAndGet();
                if (done % 50 == 0 || done == toHash.size()) {
                    listener.onProgress(new ScanProgress(ScanPhase.CATALOGUING, done, toHash.size(), 0, f.path().toString()));
                }
            }));
        }
        waitAll(jobs);
        if (cancellation.isCancelled()) {
            return List.of();
        }

        List<CatalogWriter.Work<Void>> work = new ArrayList<>();
        List<FoundFile> newFiles = new ArrayList<>();
        long wouldAnalyse = 0;
        for (FoundFile f : found) {
            String path = f.path().toString();
            CataloguedPhoto p = known.get(path);
            String hash = hashes.get(f);
            if (p == null) {
                newFiles.add(f);
            } else if (p.sizeBytes() == f.size() && p.mtimeMs() == f.mtimeMs() && p.contentHash() != null) {
                n.unchanged++;
                wouldAnalyse += p.scanState() == ScanState.PENDING ? 1 : 0;
                if (p.missing()) {
                    work.add(c -> { PhotoStore.setMissing(c, p.id(), false); return null; });
                }
            } else if (hash != null && hash.equals(p.contentHash())) {
                n.unchanged++;
                wouldAnalyse += p.scanState() == ScanState.PENDING ? 1 : 0;
                work.add(c -> { PhotoStore.updateFileFacts(c, p.id(), f.size(), f.mtimeMs(), hash); return null; });
            } else {
                n.changed++;
                wouldAnalyse++;
                log.info("event=photo_changed photo=\"{}\"", path);
                work.add(c -> { PhotoStore.resetForReanalysis(c, p.id(), f.size(), f.mtimeMs(), hash); return null; });
            }
        }

        // a new path whose content matches a photo gone from its old path is a move: the photo keeps its faces
        Map<String, List<CataloguedPhoto>> goneByHash = new HashMap<>();
        if (!newFiles.isEmpty()) {
            for (CataloguedPhoto p : known.values()) {
                if (p.contentHash() != null && !foundPaths.contains(p.path())
                        && (p.missing() || underAny(p.path(), roots) || !Files.exists(Path.of(p.path())))) {
                    goneByHash.computeIfAbsent(p.contentHash(), h -> new ArrayList<>()).add(p);
                }
            }
        }
        Set<Long> claimed = new HashSet<>();
        List<FoundFile> inserts = new ArrayList<>();
        for (FoundFile f : newFiles) {
            String hash = hashes.get(f);
            CataloguedPhoto moved = goneByHash.getOrDefault(hash == null ? "" : hash, List.of()).stream()
                    .filter(x -> !claimed.contains(x.id())).findFirst().orElse(null);
            if (moved != null) {
                claimed.add(moved.id());
                n.moved++;
                wouldAnalyse += moved.scanState() == ScanState.PENDING ? 1 : 0;
                String path = f.path().toString();
                log.info("event=photo_moved from=\"{}\" to=\"{}\"", moved.path(), path);
                work.add(c -> { PhotoStore.moveTo(c, moved.id(), path, f.size(), f.mtimeMs()); return null; });
            } else {
                n.fresh++;
                wouldAnalyse++;
                inserts.add(f);
            }
        }
        for (CataloguedPhoto p : known.values()) {
            if (!foundPaths.contains(p.path()) && !claimed.contains(p.id()) && !p.missing() && underAny(p.path(), roots)) {
                n.missing++;
                log.warn("event=photo_missing photo=\"{}\"", p.path());
                work.add(c -> { PhotoStore.setMissing(c, p.id(), true); return null; });
            }
        }
        if (options.dryRun()) {
            n.pendingLeft = wouldAnalyse;
            return List.of();
        }
        writer.call(c -> {
            for (CatalogWriter.Work<Void> w : work) {
                w.run(c);
            }
            for (FoundFile f : inserts) {
                PhotoStore.insertPending(c, f.path().toString(), f.size(), f.mtimeMs(), hashes.get(f));
            }
            return null;
        });
        listener.onProgress(new ScanProgress(ScanPhase.CATALOGUING, toHash.size(), toHash.size(), 0, null));
        return pendingUnder(foundPaths);
    }

    private List<Long> pendingUnder(Set<String> foundPaths) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = catalog.connect();
             var ps = c.prepareStatement("SELECT id, path FROM photos WHERE scan_state = 'pending' AND missing_since IS NULL ORDER BY id");
             var rs = ps.executeQuery()) {
            while (rs.next()) {
                if (foundPaths.contains(rs.getString(2))) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new app.facet.core.catalog.CatalogException("Cannot read pending photos: " + e.getMessage(), e);
        }
        return ids;
    }

    private long countPending(List<Path> roots) {
        try (Connection c = catalog.connect();
             var ps = c.prepareStatement("SELECT path FROM photos WHERE scan_state = 'pending' AND missing_since IS NULL");
             var rs = ps.executeQuery()) {
            long count = 0;
            while (rs.next()) {
                if (underAny(rs.getString(1), roots)) {
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new app.facet.core.catalog.CatalogException("Cannot count pending photos: " + e.getMessage(), e);
        }
    }

    private void analyse(List<Long> ids, long runId, CatalogWriter writer, ExecutorService pool, ScanListener listener,
                         Cancellation cancellation, Counters n) {
        Map<Long, String> paths = new HashMap<>();
        try (Connection c = catalog.connect(); var ps = c.prepareStatement("SELECT id, path FROM photos WHERE scan_state = 'pending'");
             var rs = ps.executeQuery()) {
            while (rs.next()) {
                paths.put(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new app.facet.core.catalog.CatalogException("Cannot read pending photos: " + e.getMessage(), e);
        }
        FaceCropWriter faceWriter = new FaceCropWriter(
                new FaceRowRules(catalog.location().managedDir(), catalog.location().cropsDir()), catalog.location().cropsDir());
        AtomicLong done = new AtomicLong();
        int total = ids.size();
        listener.onProgress(new ScanProgress(ScanPhase.ANALYSING, 0, total, 0, null));
        List<Future<?>> jobs = new ArrayList<>();
        for (long id : ids) {
            String path = paths.get(id);
            if (path == null) {
                continue;
            }
            jobs.add(pool.submit(() -> {
                if (cancellation.isCancelled()) {
                    return;
                }
                analyseOne(id, path, runId, writer, faceWriter, n);
                long d = done.incrementAndGet();
                listener.onProgress(new ScanProgress(ScanPhase.ANALYSING, d, total, n.faces.get(), path));
            }));
        }
        waitAll(jobs);
    }

    private void analyseOne(long id, String path, long runId, CatalogWriter writer, FaceCropWriter faceWriter, Counters n) {
        PhotoAnalysis analysis;
        try {
            analysis = analyzer.analyze(Path.of(path));
        } catch (PhotoAnalysisException e) {
            fail(id, path, e.reason().code() + ": " + e.getMessage(), writer, n);
            return;
        } catch (RuntimeException e) {
            log.error("event=analysis_error photo=\"{}\"", path, e);
            fail(id, path, "analysis_error: " + e, writer, n);
            return;
        }
        List<String> crops = new ArrayList<>();
        try {
            crops = writeCrops(id, runId, analysis.faces());
        } catch (IOException e) {
            deleteQuietly(crops);
            fail(id, path, "crop_write_failed: cannot write face crops to " + catalog.location().cropsDir() + ": " + e.getMessage(), writer, n);
            return;
        }
        List<String> cropPaths = crops;
        try {
            int[] result = writer.call(c -> {
                try (var del = c.prepareStatement("DELETE FROM face_crops WHERE photo_id = ?")) {
                    del.setLong(1, id);
                    del.executeUpdate();
                }
                // a pending photo has no faces; deleting first keeps a re-run idempotent whatever happened before
                int stored = 0, rejected = 0;
                // dimensions first: the validator checks every box against them
                PhotoStore.recordImageFacts(c, id, analysis.width(), analysis.height(), analysis.orientation(), analysis.takenAt());
                List<AnalyzedFace> faces = analysis.faces();
                for (int i = 0; i < faces.size(); i++) {
                    AnalyzedFace f = faces.get(i);
                    OptionalLong faceId = faceWriter.insert(c, new NewFaceCrop(id, path, cropPaths.get(i), f.box(), f.landmarks(),
                            f.detectionScore(), f.detector(), f.quality(), f.embedding(),
                            f.embedding() == null ? null : analysis.embeddingModelId(), null, AssignedBy.NONE), runId);
                    if (faceId.isPresent()) {
                        stored++;
                    } else {
                        rejected++;
                    }
                }
                if (faces.isEmpty()) {
                    PhotoStore.recordAnalysed(c, id, analysis.width(), analysis.height(), analysis.orientation(), analysis.takenAt(),
                            ScanState.NO_FACES, analysis.detectorId(), analysis.embeddingModelId());
                } else if (stored == 0) {
                    PhotoStore.recordFailed(c, id, "faces_rejected: all " + rejected
                            + " detected faces failed validation (see rejected_writes)", analysis.detectorId());
                } else {
                    PhotoStore.recordAnalysed(c, id, analysis.width(), analysis.height(), analysis.orientation(), analysis.takenAt(),
                            ScanState.DONE, analysis.detectorId(), analysis.embeddingModelId());
                }
                return new int[]{stored, rejected};
            });
            n.analysed.incrementAndGet();
            n.faces.addAndGet(result[0]);
            n.rejected.addAndGet(result[1]);
            if (analysis.faces().isEmpty()) {
                n.noFaces.incrementAndGet();
            } else if (result[0] == 0) {
                n.failed.incrementAndGet();
                n.reasons.computeIfAbsent("faces_rejected", k -> new AtomicLong()).incrementAndGet();
            }
        } catch (RuntimeException e) {
            // the transaction rolled back: remove the crops it would have referenced, leave the photo pending
            deleteQuietly(cropPaths);
            log.error("event=photo_write_failed photo=\"{}\" error=\"{}\"", path, e.getMessage());
            n.failed.incrementAndGet();
            n.reasons.computeIfAbsent("catalog_write_failed", k -> new AtomicLong()).incrementAndGet();
        }
    }

    private void fail(long id, String path, String reason, CatalogWriter writer, Counters n) {
        log.warn("event=photo_failed photo=\"{}\" reason=\"{}\"", path, reason);
        writer.call(c -> {
            PhotoStore.recordFailed(c, id, reason, analyzer.detectorId());
            return null;
        });
        n.analysed.incrementAndGet();
        n.failed.incrementAndGet();
        String code = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
        n.reasons.computeIfAbsent(code, k -> new AtomicLong()).incrementAndGet();
    }

    /** Crop files are named by photo id and run, so a re-analysis never overwrites a crop a stored row still uses. */
    private List<String> writeCrops(long photoId, long runId, List<AnalyzedFace> faces) throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = catalog.location().cropsDir().resolve(String.format("%02x", photoId & 0xff));
        Files.createDirectories(dir);
        for (int i = 0; i < faces.size(); i++) {
            Path file = dir.resolve("p" + photoId + "-r" + runId + "-f" + i + ".jpg");
            Files.write(file, faces.get(i).cropJpeg());
            out.add(file.toString());
        }
        return out;
    }

    private static void deleteQuietly(List<String> files) {
        for (String f : files) {
            try {
                Files.deleteIfExists(Path.of(f));
            } catch (IOException e) {
                log.warn("event=crop_delete_failed path=\"{}\" error=\"{}\"", f, e.getMessage());
            }
        }
    }

    private static boolean underAny(String path, List<Path> roots) {
        Path p = Path.of(path);
        for (Path r : roots) {
            if (p.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    private static void waitAll(List<Future<?>> jobs) {
        for (Future<?> j : jobs) {
            try {
                j.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Scan interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private ScanSummary summary(long runId, String status, boolean dryRun, Counters n, String detector, String modelId,
                                String embeddingNote, long started) {
        Map<String, Long> reasons = new TreeMap<>();
        n.reasons.forEach((k, v) -> reasons.put(k, v.get()));
        return new ScanSummary(runId, status, dryRun, n.seen, n.fresh, n.unchanged, n.changed, n.moved, n.missing, n.analysed.get(),
                n.failed.get(), reasons, n.noFaces.get(), n.pendingLeft, n.faces.get(), n.rejected.get(), n.invalidFlagged,
                detector, modelId, embeddingNote, Duration.ofNanos(System.nanoTime() - started));
    }
}
