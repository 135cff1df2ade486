package app.facet.core.integrity;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Counts work items, reports them at most every 1,000 items, and honours cancellation between items. Thread-safe:
 * the full check runs SQLite's integrity_check beside the other checks.
 */
final class ProgressTracker {
    private static final int REPORT_EVERY = 1_000;

    private final IntegrityProgress progress;
    private final BooleanSupplier cancelled;
    private long total;
    private long done;
    private long lastReported = -1;

    ProgressTracker(IntegrityProgress progress, BooleanSupplier cancelled) {
        this.progress = progress;
        this.cancelled = cancelled;
    }

    static ProgressTracker none() {
        return new ProgressTracker(IntegrityProgress.NONE, () -> false);
    }

    synchronized void setTotal(long total) {
        this.total = total;
        report(true);
    }

    /** Counts {@code n} finished items; throws when cancelled. */
    synchronized void advance(long n) {
        done = Math.min(total, done + n);
        report(false);
        throwIfCancelled();
    }

    synchronized void finish() {
        done = total;
        report(true);
    }

    void throwIfCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("integrity operation cancelled");
        }
    }

    private synchronized void report(boolean always) {
        if (always || done - lastReported >= REPORT_EVERY || done == total) {
            lastReported = done;
            progress.update(done, total);
        }
    }
}
