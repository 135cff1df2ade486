package app.facet.core.integrity;

/** Progress of a long integrity operation; called from the worker thread. */
@FunctionalInterface
public interface IntegrityProgress {
    IntegrityProgress NONE = (done, total) -> { };

    /**
     * @param done  work items finished so far (SQL checks, files looked at, embeddings decoded)
     * @param total work items expected in all; {@code done <= total}
     */
    void update(long done, long total);
}
