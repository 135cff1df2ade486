package app.facet.ui.tasks;

/** Progress from a running {@link CoreJob}; thread-safe, cheap to call often (values are coalesced for the UI). */
@FunctionalInterface
public interface ProgressReporter {
    /**
     * @param done    units finished
     * @param total   units in all, or -1 when not known yet
     * @param message one short line (e.g. the phase or the current file), or null to keep the last one
     */
    void report(long done, long total, String message);
}
