package app.facet.core.scan;

/**
 * Cooperative cancellation for long core tasks. Checked between photos, so a cancelled scan ends
 * with every photo either fully written or untouched.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
