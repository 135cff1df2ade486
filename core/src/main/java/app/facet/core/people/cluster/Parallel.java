package app.facet.core.people.cluster;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Runs independent per-item work on a bounded number of threads (not the common pool, which the UI shares). */
public final class Parallel {
    private Parallel() {
    }

    public static void forEach(int threads, int count, IntConsumer work) {
        if (threads <= 1 || count < 256) {
            for (int i = 0; i < count; i++) {
                work.accept(i);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(work)).join();
        } finally {
            pool.shutdown();
        }
    }
}
