package app.facet.core.scan;

import app.facet.model.ScanState;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Mutable tallies of one run, added to from the worker threads; {@link ScanSummary} is the immutable view. */
final class ScanCounts {
    long seen, fresh, unchanged, changed, moved, missing, pendingLeft;
    final AtomicLong analysed = new AtomicLong(), failed = new AtomicLong(), noFaces = new AtomicLong(),
            faces = new AtomicLong(), rejected = new AtomicLong(), invalidFlagged = new AtomicLong(),
            decisionsCarried = new AtomicLong(), decisionsNeedingReview = new AtomicLong(),
            namesApplied = new AtomicLong(), namesChanged = new AtomicLong(), regionFaces = new AtomicLong(),
            regionConflicts = new AtomicLong(), regionOtherReview = new AtomicLong(), deletedKept = new AtomicLong();
    private final Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();

    /** Counts what cataloguing found. */
    void add(CataloguePlan plan) {
        fresh = plan.fresh().size();
        unchanged = plan.unchanged().size();
        changed = plan.changed().size();
        moved = plan.moved().size();
        missing = plan.missing().size();
    }

    /** Counts one photo's outcome (thread-safe). */
    void add(PhotoOutcome o) {
        if (o.analysed()) {
            analysed.incrementAndGet();
        }
        if (o.state() == ScanState.NO_FACES) {
            noFaces.incrementAndGet();
        }
        if (o.failureCode() != null) {
            failed.incrementAndGet();
            reasons.computeIfAbsent(o.failureCode(), k -> new AtomicLong()).incrementAndGet();
        }
        faces.addAndGet(o.facesStored());
        rejected.addAndGet(o.facesRejected());
        invalidFlagged.addAndGet(o.flaggedInvalid());
        decisionsCarried.addAndGet(o.decisionsCarried());
        decisionsNeedingReview.addAndGet(o.decisionsNeedingReview());
        PhotoOutcome.RegionTally r = o.regions();
        namesApplied.addAndGet(r.namesApplied());
        namesChanged.addAndGet(r.namesChanged());
        regionFaces.addAndGet(r.facesAdded());
        regionConflicts.addAndGet(r.conflicts());
        regionOtherReview.addAndGet(r.otherReview());
        deletedKept.addAndGet(r.deletedKept());
    }

    ScanSummary summary(long runId, String status, boolean dryRun, String detector, String modelId, String embeddingNote,
                        long startedNanos) {
        Map<String, Long> byReason = new TreeMap<>();
        reasons.forEach((k, v) -> byReason.put(k, v.get()));
        return new ScanSummary(runId, status, dryRun, seen, fresh, unchanged, changed, moved, missing, analysed.get(),
                failed.get(), byReason, noFaces.get(), pendingLeft, faces.get(), rejected.get(), invalidFlagged.get(),
                detector, modelId, embeddingNote, Duration.ofNanos(System.nanoTime() - startedNanos), decisionsCarried.get(),
                decisionsNeedingReview.get(), new ScanSummary.RegionTotals(namesApplied.get(), namesChanged.get(),
                regionFaces.get(), regionConflicts.get(), regionOtherReview.get(), deletedKept.get()));
    }
}
