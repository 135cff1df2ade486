package app.facet.app.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Catches exceptions no code handled, on any thread: logs each with its stack trace (to the log file) and tells the
 * user one sentence through {@code notify} (the terminal for the command line, a dialog in the window).
 */
public final class UncaughtErrors {
    private static final Logger log = LoggerFactory.getLogger(UncaughtErrors.class);

    private UncaughtErrors() {
    }

    /** Installs the process-wide handler; a later call replaces how the user is told. */
    public static void install(Consumer<String> notify) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            log.error(LogMarkers.TOLD_USER, "event=uncaught_exception thread=\"{}\"", thread.getName(), e);
            try {
                notify.accept(sentence(e));
            } catch (RuntimeException failed) {
                log.error("event=uncaught_exception_not_shown", failed);
            }
        });
    }

    /** One sentence for the user, naming the log file that holds the details. */
    public static String sentence(Throwable e) {
        String m = e.getMessage();
        String what = m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
        if (what.endsWith(".")) {
            what = what.substring(0, what.length() - 1);
        }
        return "Something went wrong: " + what + " (details in " + LogFolder.currentFile() + ").";
    }
}
