package app.facet.core.embedding;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Model loading runs on core's own large-stack thread and hands back its result or its failure unchanged. */
class ModelLoaderThreadTest {

    @Test
    void loadsOnItsOwnThread() {
        Thread caller = Thread.currentThread();

        Thread loader = ModelLoaderThread.call(Thread::currentThread);

        assertThat(loader).isNotSameAs(caller);
        assertThat(loader.getName()).isEqualTo("facet-model-loader");
        assertThat(loader.isAlive()).as("joined before returning").isFalse();
    }

    @Test
    void failureReachesTheCallerUnchanged() {
        IllegalStateException cause = new IllegalStateException("ONNX Runtime cannot load x.onnx: bad file");

        Throwable thrown = catchThrowable(() -> ModelLoaderThread.call(() -> {
            throw cause;
        }));

        assertThat(thrown).isSameAs(cause);
    }

    @Test
    void anInterruptWaitsForTheLoadAndStaysSet() throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            result.set(ModelLoaderThread.call(() -> {
                sleep(200);
                return "loaded";
            }));
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        caller.join(10_000);

        assertThat(result.get()).as("the loaded model is not abandoned (only the caller could close it)").isEqualTo("loaded");
        assertThat(interruptedAfter).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
