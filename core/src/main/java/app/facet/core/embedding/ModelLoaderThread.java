package app.facet.core.embedding;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs model loading on a thread of Facet's own with a 16 MB stack, whatever thread asks for the model.
 * <p>
 * Creating an ONNX Runtime session needs 0.8-1 MB of thread stack, right at the JVM's default of 1 MB: a little more
 * stack in use (a longer classpath was enough) and the JVM dies with SIGSEGV and no error report (onnxruntime 1.29,
 * measured here: a 384 KB main thread always crashes, a 2 MB one never). Loading here makes that independent of the
 * caller's stack, so neither the launcher ({@code -Xss}) nor the desktop needs a workaround of its own.
 */
final class ModelLoaderThread {
    static final long STACK_BYTES = 16L << 20;

    private ModelLoaderThread() {
    }

    /**
     * Runs {@code load} on a new large-stack thread and waits for it. Loading takes seconds and leaves native resources
     * that only the caller can close, so an interrupt does not abandon it: the wait finishes and the caller's interrupt
     * flag is set again.
     *
     * @return what {@code load} returned
     * @throws RuntimeException or Error: whatever {@code load} threw, unchanged
     */
    static <T> T call(Supplier<T> load) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread loader = new Thread(null, () -> {
            try {
                result.set(load.get());
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, "facet-model-loader", STACK_BYTES);
        loader.setDaemon(true);
        loader.start();
        joinUninterruptibly(loader);
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
