package app.facet.ui.tasks;

import app.facet.core.scan.Cancellation;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link CoreJob} as a JavaFX {@link Task}: progress, message and a rate/time-left line as observable properties,
 * and Cancel mapped onto the core's cooperative {@link Cancellation} (the job finishes its current unit and returns,
 * so a cancelled scan still reports what it did).
 */
public final class TrackedTask<T> extends Task<T> {
    private final String unit;
    private final boolean foreground;
    private final CoreJob<T> job;
    private final Cancellation cancellation = new Cancellation();
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("");
    private final ProgressRate estimator = new ProgressRate();
    private final AtomicBoolean rateUpdatePending = new AtomicBoolean();
    private volatile long lastDone, lastTotal = -1;

    TrackedTask(String title, String unit, boolean foreground, CoreJob<T> job) {
        this.unit = unit;
        this.foreground = foreground;
        this.job = job;
        updateTitle(title);
    }

    @Override
    protected T call() throws Exception {
        return job.run(this::report, cancellation);
    }

    private void report(long done, long total, String message) {
        lastDone = done;
        lastTotal = total;
        if (total > 0) {
            updateProgress(Math.min(done, total), total);
        } else {
            updateProgress(-1, 1);
        }
        if (message != null) {
            updateMessage(message);
        }
        // like Task.updateProgress: at most one pending hop to the UI thread, whatever the report rate
        if (rateUpdatePending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                rateUpdatePending.set(false);
                estimator.add(System.nanoTime(), lastDone);
                rate.set(estimator.describe(unit, lastTotal));
            });
        }
    }

    /** Asks the job to stop after its current unit of work. The task then ends normally with the job's partial result. */
    public void requestCancel() {
        cancellation.cancel();
        cancelRequested.set(true);
        updateMessage("Cancelling…");
    }

    /** Also stops the job cooperatively (used when the window closes); the task ends as cancelled. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        cancellation.cancel();
        return super.cancel(false);
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    /** e.g. "12.5 photos/s · 1:05 left"; empty until there is enough progress to say. */
    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** What progress counts, plural. */
    public String unit() {
        return unit;
    }

    /** Foreground tasks are the user's actions shown in the status bar; background reads are not. */
    public boolean isForeground() {
        return foreground;
    }
}
