package app.facet.ui.tasks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Rate and time left of a running task, from its progress samples over a sliding window (so that a slow start
 * does not spoil the estimate for the rest of a long scan). Not thread-safe: fed and read on the UI thread.
 */
public final class ProgressRate {
    private static final long WINDOW_NANOS = Duration.ofSeconds(10).toNanos();

    private record Sample(long nanos, long done) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Records that {@code done} units were finished at {@code nanos} (System.nanoTime). Less done than before resets. */
    public void add(long nanos, long done) {
        if (!samples.isEmpty() && done < samples.peekLast().done()) {
            samples.clear(); // a new phase started counting from zero
        }
        samples.addLast(new Sample(nanos, done));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    /** @return units per second over the window, or NaN before two samples a moment apart */
    public double perSecond() {
        if (samples.size() < 2) {
            return Double.NaN;
        }
        Sample first = samples.peekFirst(), last = samples.peekLast();
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        return seconds < 0.2 ? Double.NaN : (last.done() - first.done()) / seconds;
    }

    /** @return time left at the current rate, or null when it cannot be estimated */
    public Duration remaining(long total) {
        double rate = perSecond();
        if (total < 0 || samples.isEmpty() || !(rate > 0)) {
            return null;
        }
        long left = Math.max(0, total - samples.peekLast().done());
        return Duration.ofMillis((long) (left / rate * 1000));
    }

    /** @return e.g. "12.5 photos/s · 1:05 left", or "" when nothing can be said yet */
    public String describe(String unit, long total) {
        double rate = perSecond();
        if (Double.isNaN(rate)) {
            return "";
        }
        String text = (rate >= 10 ? String.format("%.0f", rate) : String.format("%.1f", rate)) + " " + unit + "/s";
        Duration left = remaining(total);
        return left == null ? text : text + " · " + clock(left) + " left";
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
