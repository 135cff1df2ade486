package app.facet.core.scan;

/**
 * Cooperative cancellation for long core tasks. Checked between photos, so a cancelled scan ends
 * with every photo either fully written or untouched.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private volatile String reason;

    public void cancel() {
        cancelled = true;
    }

    /** Cancels because of a fault; the first reason given is kept ("disk full: 3 MB free in /lib ..."). */
    public synchronized void cancel(String why) {
        if (reason == null) {
            reason = why;
        }
        cancelled = true;
    }

    /** @return why the task stopped when a fault (not the user) cancelled it, else null */
    public String reason() {
        return reason;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
