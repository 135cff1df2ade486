package app.facet.app.desktop;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reading JavaFX state from a test: on the FX thread, and waiting with a message that says what was awaited. */
final class Fx {
    private Fx() {
    }

    static <T> T get(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading UI state failed: " + e, e);
        }
    }

    static void run(Runnable action) {
        get(() -> {
            action.run();
            return null;
        });
    }

    /** As {@link #waitUntil(String, long, Callable)}, saying what the UI showed instead when it times out. */
    static void waitUntil(String what, long seconds, Callable<Boolean> condition, Callable<String> state) {
        try {
            waitUntil(what, seconds, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the UI showed: " + get(state), e);
        }
    }

    /** Waits until {@code condition} (evaluated on the FX thread) holds. */
    static void waitUntil(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(get(condition)));
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for: " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
