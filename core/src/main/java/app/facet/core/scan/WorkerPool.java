package app.facet.core.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
     * Runs {@code job} on every item on the workers and waits for all of them. After a job's exception no further job
     * starts, and the call still waits for the jobs already running: when it returns or throws, no worker is inside
     * the analyzer's native code, so the caller may close ONNX Runtime and OpenCV objects.
     *
     * @throws RuntimeException the first job's exception, after every started job ended
     * @throws IllegalStateException when the waiting thread is interrupted
     */
    <T> void forEach(List<T> items, Cancellation cancellation, Consumer<T> job) {
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<?>> jobs = new ArrayList<>(items.size());
        for (T item : items) {
            jobs.add(pool.submit(() -> {
                if (!cancellation.isCancelled() && !failed.get()) {
                    try {
                        job.accept(item);
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                }
            }));
        }
        RuntimeException first = null;
        boolean interrupted = false;
        for (Future<?> j : jobs) {
            while (true) {
                try {
                    j.get();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting: returning now would let the caller free native objects a worker still uses
                    interrupted = true;
                    failed.set(true);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (first == null) {
                        first = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Scan interrupted");
        }
        if (first != null) {
            throw first;
        }
    }

    /** Stops the workers and waits for them (a job never blocks for long: at most one photo's analysis). */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
