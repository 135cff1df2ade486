package app.facet.app;

import app.facet.app.cli.FacetCommand;
import app.facet.app.desktop.DesktopStart;
import app.facet.app.logging.UncaughtErrors;
import app.facet.app.startup.ClassDataArchive;
import app.facet.core.imaging.NativeLoading;

/**
 * Entry point of {@code ./facet} and the installed {@code facet} launcher: with no arguments the desktop app, else
 * the command line (whose {@code ui} command opens the desktop app through {@link DesktopStart}).
 * Deliberately not a JavaFX Application subclass, so it runs from a plain classpath and without JavaFX at all.
 */
public final class FacetMain {
    private FacetMain() {
    }

    public static void main(String[] args) {
        NativeLoading.configure();
        UncaughtErrors.install(sentence -> System.err.println("facet: " + sentence));
        int exitCode = args.length == 0 ? DesktopStart.run(null, null, null, System.err) : FacetCommand.run(args);
        ClassDataArchive.finish(args, exitCode);
        System.exit(exitCode);
    }
}
