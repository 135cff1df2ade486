package app.facet.core.integrity;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Counts work items, reports them at most every 1,000 items, and honours cancellation between items. */
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

    void setTotal(long total) {
        this.total = total;
        report(true);
    }

    /** Counts {@code n} finished items; throws when cancelled. */
    void advance(long n) {
        done = Math.min(total, done + n);
        report(false);
        throwIfCancelled();
    }

    void finish() {
        done = total;
        report(true);
    }

    void throwIfCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("integrity operation cancelled");
        }
    }

    private void report(boolean always) {
        if (always || done - lastReported >= REPORT_EVERY || done == total) {
            lastReported = done;
            progress.update(done, total);
        }
    }
}
