package app.facet.ui.tasks;

import java.util.function.Consumer;

/**
 * A lane of background reads where only the newest counts: a view reads what to show for the current filter, photo
 * or library, and the user may change that before the read finishes. Each {@link #background} start supersedes
 * the reads started before it on the same lane; their results (and errors) no longer reach the caller. Failures of
 * superseded reads are still logged by the {@link TaskRunner}. UI thread only; made by {@link TaskRunner#latestOnly()}.
 */
public final class LatestOnly {
    private final TaskRunner tasks;
    private long newest;

    LatestOnly(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /**
     * Starts a silent background read whose callbacks run only if no newer read started on this lane (and
     * {@link #drop()} was not called) by the time it finishes.
     */
    public <T> TrackedTask<T> background(String title, CoreJob<T> job, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        long mine = ++newest;
        return tasks.background(title, job, value -> {
            if (mine == newest && onSuccess != null) {
                onSuccess.accept(value);
            }
        }, error -> {
            if (mine == newest && onError != null) {
                onError.accept(error);
            }
        });
    }

    /** Drops the results of every read started so far (the view shows something else now, or nothing). */
    public void drop() {
        newest++;
    }
}
