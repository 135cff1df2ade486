package app.facet.ui.tasks;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The one bridge from core work to the UI: every background job of the desktop app runs through here, so the UI
 * thread never waits on the catalog, a decoder or a scan.
 * <p>
 * Foreground tasks (scans, people edits) appear in the status bar with progress, rate, time left and Cancel; one
 * at a time is shown (the latest started that still runs: a rename during a scan shows, then the scan again). Background tasks (grid pages, sidebar reloads) are silent unless they fail.
 * Every failure is logged with the task's title and reported through {@link #lastErrorProperty()}; the caller's
 * own error handler, when given, runs too. Callbacks run on the UI thread.
 */
public final class TaskRunner {
    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final ExecutorService executor;
    private final ReadOnlyObjectWrapper<TrackedTask<?>> current = new ReadOnlyObjectWrapper<>();
    private final List<TrackedTask<?>> running = new ArrayList<>();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    private final BooleanBinding busy;

    /** @param executor runs the jobs; owned by the caller, who shuts it down at exit */
    public TaskRunner(ExecutorService executor) {
        this.executor = executor;
        this.busy = Bindings.createBooleanBinding(() -> current.get() != null, current);
    }

    /**
     * Starts a foreground job shown in the status bar.
     *
     * @param title     what the user started, e.g. "Scanning ~/Pictures"
     * @param unit      what progress counts, plural, e.g. "photos"
     * @param onSuccess result handler, on the UI thread
     * @param onError   extra failure handler (after logging and {@link #lastErrorProperty()}), or null
     */
    public <T> TrackedTask<T> run(String title, String unit, CoreJob<T> job, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        return start(new TrackedTask<>(title, unit, true, job), onSuccess, onError);
    }

    /** Starts a silent background job (a read for the UI); failures are still logged and reported. */
    public <T> TrackedTask<T> background(String title, CoreJob<T> job, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        return start(new TrackedTask<>(title, "items", false, job), onSuccess, onError);
    }

    /**
     * A new lane for background reads whose stale results are dropped: the one place where a view's read that was
     * overtaken by a newer one (another filter, photo or library) is ignored. Each view keeps one lane per kind of read.
     */
    public LatestOnly latestOnly() {
        return new LatestOnly(this);
    }

    private <T> TrackedTask<T> start(TrackedTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        requireFxThread();
        task.setOnSucceeded(e -> {
            finished(task);
            if (onSuccess != null) {
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            finished(task);
            Throwable error = task.getException();
            log.error("event=task_failed task=\"{}\" reason={}", task.getTitle(), String.valueOf(error), error);
            lastError.set(task.getTitle() + " failed: " + describe(error));
            if (onError != null) {
                onError.accept(error);
            }
        });
        task.setOnCancelled(e -> finished(task));
        if (task.isForeground()) {
            lastError.set(null);
            running.add(task);
            current.set(task);
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // the app is quitting (its executor is shut down) while a view still lays out and asks for a read:
            // nothing will show the result, so the task is cancelled instead of failing the UI thread
            log.info("event=task_dropped task=\"{}\" reason=executor_shut_down", task.getTitle());
            task.cancel();
        }
        return task;
    }

    private void finished(TrackedTask<?> task) {
        if (running.remove(task)) {
            current.set(running.isEmpty() ? null : running.get(running.size() - 1));
        }
    }

    /** The foreground task the status bar shows, null when none runs. */
    public ReadOnlyObjectProperty<TrackedTask<?>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** True while a foreground task runs (actions that would start a second scan bind their disable state to it). */
    public BooleanBinding busyBinding() {
        return busy;
    }

    /** One line describing the last failure of any task, null when the last foreground task started fine. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** Cancels the running foreground task (cooperatively), if any. */
    public void cancelCurrent() {
        TrackedTask<?> task = current.get();
        if (task != null && task.getState() == Worker.State.RUNNING) {
            task.requestCancel();
        }
    }

    /**
     * @return the outermost message written for a person: our exceptions say what failed and why in one sentence;
     *         wrappers whose message is just their cause's {@code toString()} are skipped
     */
    public static String describe(Throwable error) {
        Throwable t = error;
        while (t != null) {
            String m = t.getMessage();
            Throwable cause = t.getCause();
            boolean wrapper = cause != null && (m == null || m.equals(cause.toString()));
            if (!wrapper && m != null && !m.isBlank()) {
                return m;
            }
            t = cause == t ? null : cause;
        }
        return String.valueOf(error);
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("start tasks from the JavaFX application thread");
        }
    }
}
