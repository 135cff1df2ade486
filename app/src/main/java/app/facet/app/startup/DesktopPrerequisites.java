package app.facet.app.startup;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the desktop window needs before JavaFX starts: the JavaFX runtime on the class path and, on Linux, a display.
 * Checked here, without touching JavaFX, so that a missing piece gives one sentence instead of a stack trace.
 */
public final class DesktopPrerequisites {
    static final String NO_JAVAFX = "Facet's window needs the JavaFX runtime, which is missing from this installation: "
            + "reinstall Facet, or build it again with ./mvnw -B -DskipTests package.";
    static final String NO_DISPLAY = "Facet's window needs a graphical desktop, but no display is set (DISPLAY and "
            + "WAYLAND_DISPLAY are empty): start it from a desktop session, or use the command line (facet --help).";

    private final ClassLoader loader;
    private final Map<String, String> env;
    private final String osName;
    private final String glassPlatform;

    /** @param glassPlatform the {@code glass.platform} property; Monocle (headless tests) needs no display */
    public DesktopPrerequisites(ClassLoader loader, Map<String, String> env, String osName, String glassPlatform) {
        this.loader = loader;
        this.env = env;
        this.osName = osName;
        this.glassPlatform = glassPlatform;
    }

    /** For this process. */
    public static DesktopPrerequisites ofThisProcess() {
        return new DesktopPrerequisites(DesktopPrerequisites.class.getClassLoader(), System.getenv(),
                System.getProperty("os.name", ""), System.getProperty("glass.platform"));
    }

    /** @return one sentence saying what to install or change, or empty when the window can start */
    public Optional<String> problem() {
        if (!javaFxPresent()) {
            return Optional.of(NO_JAVAFX);
        }
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        if (linux && !"Monocle".equalsIgnoreCase(glassPlatform) && blank("DISPLAY") && blank("WAYLAND_DISPLAY")) {
            return Optional.of(NO_DISPLAY);
        }
        return Optional.empty();
    }

    private boolean javaFxPresent() {
        try {
            Class.forName("javafx.application.Application", false, loader);
            Class.forName("com.sun.glass.ui.Application", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private boolean blank(String name) {
        String v = env.get(name);
        return v == null || v.isBlank();
    }
}
