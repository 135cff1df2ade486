package app.facet.core.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The scan's bounded executor: a fixed number of daemon worker threads that hash files and analyse photos. A job
 * that has not started when the scan is cancelled is skipped; a job's exception ends the scan.
 */
final class WorkerPool implements AutoCloseable {
    private final ExecutorService pool;

    /** @param threads number of worker threads, at least 1 */
    WorkerPool(int threads) {
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "facet-scan-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code job} on every item on the workers and waits for all of them.
     *
     * @throws RuntimeException the first job's exception, after every job ended
     * @throws IllegalStateException when the waiting thread is interrupted
     */
    <T> void forEach(List<T> items, Cancellation cancellation, Consumer<T> job) {
        List<Future<?>> jobs = new ArrayList<>(items.size());
        for (T item : items) {
            jobs.add(pool.submit(() -> {
                if (!cancellation.isCancelled()) {
                    job.accept(item);
                }
            }));
        }
        for (Future<?> j : jobs) {
            try {
                j.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Scan interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
