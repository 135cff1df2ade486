package app.facet.app;

import app.facet.app.desktop.FacetApplication;

/**
 * Entry point of {@code ./facet} and of the packaged jar. A plain class on purpose (not a JavaFX Application),
 * so that the command line starts without JavaFX and a shaded jar can launch the desktop app.
 * <p>
 * No arguments: the desktop app. Otherwise the command line, whose {@code ui [--library DIR] [--models DIR]}
 * command opens the desktop app too.
 */
public final class FacetMain {
    private FacetMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            FacetApplication.launch((app.facet.core.catalog.LibraryLocation) null, (java.nio.file.Path) null);
            return;
        }
        // The lead replaces this with the picocli command line (app.facet.app.cli.FacetCommand), whose `ui`
        // sub-command calls FacetApplication.launch(library, models).
        System.exit(DesktopCommand.run(args));
    }
}
