package app.facet.ui.tasks;

import app.facet.core.scan.Cancellation;

/**
 * A piece of core work run off the UI thread by {@link TaskRunner}.
 *
 * @param <T> the result handed back on the UI thread
 */
@FunctionalInterface
public interface CoreJob<T> {
    /**
     * Runs on a background thread. Long jobs report progress and check {@code cancellation} between units of work.
     *
     * @throws Exception anything the job cannot handle: the task fails, is logged and shown to the user
     */
    T run(ProgressReporter progress, Cancellation cancellation) throws Exception;
}
