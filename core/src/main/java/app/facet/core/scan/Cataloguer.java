package app.facet.core.scan;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogWriter;
import app.facet.core.catalog.CataloguedPhoto;
import app.facet.core.catalog.ContentHash;
import app.facet.core.catalog.PendingPhoto;
import app.facet.core.catalog.PhotoStore;
import app.facet.core.catalog.Tx;
import app.facet.core.scan.CataloguePlan.PlannedPhoto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stage 1 of a scan: hashes new and changed files on the workers, plans what each found file is
 * ({@link CataloguePlanner}) and writes the plan through the photo store in one transaction.
 */
final class Cataloguer {
    private static final Logger log = LoggerFactory.getLogger(Cataloguer.class);

    private final Catalog catalog;
    private final ScanListener listener;
    private final Cancellation cancellation;

    Cataloguer(Catalog catalog, ScanListener listener, Cancellation cancellation) {
        this.catalog = catalog;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /**
     * Reads the catalogued photos, hashes the files that need it and plans. Writes nothing.
     *
     * @param newFiles runs (once, before hashing) when some file is new to the catalog or changed since it was catalogued:
     *                 such a file will most likely need analysis, so the scan starts loading the models then, in
     *                 parallel with hashing, the longest part of a walk over new photos
     * @return the plan; {@link CataloguePlan#nothing()} when the scan was cancelled while hashing
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be read
     */
    CataloguePlan plan(List<FoundFile> found, List<Path> roots, WorkerPool pool, Runnable newFiles) {
        Map<String, CataloguedPhoto> known = Tx.read(catalog, "read the catalog", PhotoStore::loadAll);
        List<FoundFile> toHash = CataloguePlanner.toHash(found, known);
        if (!toHash.isEmpty()) {
            newFiles.run();
        }
        Map<FoundFile, String> hashes = hash(toHash, pool);
        if (cancellation.isCancelled()) {
            return CataloguePlan.nothing();
        }
        listener.onProgress(new ScanProgress(ScanPhase.CATALOGUING, toHash.size(), toHash.size(), 0, null));
        return CataloguePlanner.plan(found, known, hashes, roots);
    }

    /** Hashes in parallel: the content hash is what recognises a moved or an edited photo. */
    private Map<FoundFile, String> hash(List<FoundFile> files, WorkerPool pool) {
        Map<FoundFile, String> hashes = new ConcurrentHashMap<>();
        AtomicInteger hashed = new AtomicInteger();
        pool.forEach(files, cancellation, f -> {
            try {
                hashes.put(f, ContentHash.of(f.path()));
            } catch (IOException e) {
                // unreadable: catalogued without a hash, the analysis will record the reason
                log.warn("event=hash_failed photo=\"{}\" error=\"{}\"", f.path(), e.toString());
            }
            int done = hashed.incrementAndGet();
            if (done % 50 == 0 || done == files.size()) {
                listener.onProgress(new ScanProgress(ScanPhase.CATALOGUING, done, files.size(), 0, f.path().toString()));
            }
        });
        return hashes;
    }

    /** {@link #write(CataloguePlan, CatalogWriter, boolean)} without {@code --retry-failed}. */
    List<PendingPhoto> write(CataloguePlan plan, CatalogWriter writer) {
        return write(plan, writer, false);
    }

    /**
     * Writes {@code plan} in one transaction on the writer thread, and queues failed photos that may have healed
     * ({@link RetryRule}).
     *
     * @param retryFailed queue every failed photo again, permanent failures included
     * @return the photos to analyse ({@link CataloguePlan#toAnalyse()} with their ids), ordered by id
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be written (nothing was written)
     */
    List<PendingPhoto> write(CataloguePlan plan, CatalogWriter writer, boolean retryFailed) {
        return writer.call(tx -> {
            Map<Long, String> failed = PhotoStore.failureReasons(tx);
            List<PlannedPhoto> retried = new ArrayList<>();
            for (PlannedPhoto p : plan.unchanged()) {
                String reason = failed.get(p.catalogued().id());
                if (reason != null && RetryRule.retry(reason, p.sameFileFacts(), retryFailed)) {
                    log.info("event=photo_retried photo=\"{}\" previous_reason=\"{}\"", p.path(), reason);
                    PhotoStore.requeueFailed(tx, p.catalogued().id(), p.file().size(), p.file().mtimeMs());
                    retried.add(p);
                } else if (!p.sameFileFacts()) {
                    PhotoStore.updateFileFacts(tx, p.catalogued().id(), p.file().size(), p.file().mtimeMs(), p.hash());
                } else if (p.catalogued().missing()) {
                    PhotoStore.setMissing(tx, p.catalogued().id(), false);
                }
            }
            for (PlannedPhoto p : plan.changed()) {
                PhotoStore.resetForReanalysis(tx, p.catalogued().id(), p.file().size(), p.file().mtimeMs(), p.hash());
            }
            for (PlannedPhoto p : plan.moved()) {
                PhotoStore.moveTo(tx, p.catalogued().id(), p.path(), p.file().size(), p.file().mtimeMs());
            }
            for (CataloguedPhoto p : plan.missing()) {
                PhotoStore.setMissing(tx, p.id(), true);
            }
            // a new row's id is known only once inserted; the to-analyse list needs it
            Map<PlannedPhoto, Long> inserted = new HashMap<>();
            for (PlannedPhoto p : plan.fresh()) {
                inserted.put(p, PhotoStore.insertPending(tx, p.path(), p.file().size(), p.file().mtimeMs(), p.hash()));
            }
            List<PendingPhoto> pending = new ArrayList<>();
            for (PlannedPhoto p : java.util.stream.Stream.concat(plan.toAnalyse().stream(), retried.stream()).toList()) {
                String hash = p.hash() != null ? p.hash() : p.catalogued() == null ? null : p.catalogued().contentHash();
                pending.add(new PendingPhoto(p.catalogued() == null ? inserted.get(p) : p.catalogued().id(), p.path(), hash));
            }
            pending.sort(Comparator.comparingLong(PendingPhoto::id));
            return pending;
        });
    }
}
