package app.facet.app.startup;

import java.util.Locale;

/**
 * Turns a failure of the JavaFX toolkit's start into one sentence saying what to install or change. The full
 * exception goes to the log file; the terminal shows only the sentence.
 */
public final class StartupFailure {
    static final String NO_GTK = "Facet's window needs GTK 3, which could not be loaded: install it "
            + "(Debian/Ubuntu: sudo apt-get install libgtk-3-0) and start Facet again.";
    static final String DISPLAY_UNUSABLE = "Facet's window cannot open the display %s: check that the desktop session "
            + "is running and DISPLAY is right, or use the command line (facet --help).";
    static final String OTHER = "Facet's window could not start (%s): see the log file %s.";

    private StartupFailure() {
    }

    /**
     * @param failure what JavaFX threw
     * @param display the DISPLAY variable, may be null
     * @param logFile where the full trace was written
     */
    public static String sentence(Throwable failure, String display, String logFile) {
        String all = chain(failure).toLowerCase(Locale.ROOT);
        if (all.contains("gtk")) {
            return NO_GTK;
        }
        if (all.contains("display") || all.contains("no toolkit found")) {
            return String.format(DISPLAY_UNUSABLE, display == null ? "(none)" : display);
        }
        String m = failure.getMessage();
        return String.format(OTHER, m == null || m.isBlank() ? failure.getClass().getSimpleName() : m, logFile);
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null && sb.length() < 10_000; c = c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }
}
