package app.facet.app;

import app.facet.app.cli.FacetCommand;
import app.facet.app.desktop.FacetApplication;
import app.facet.core.catalog.LibraryLocation;

import java.nio.file.Path;

/**
 * Entry point of {@code ./facet}: with no arguments the desktop app, else the command line (whose {@code ui}
 * command opens the desktop app with {@link FacetApplication#launch(LibraryLocation, Path)}).
 * Deliberately not a JavaFX Application subclass, so it runs from a plain classpath and a shaded jar.
 */
public final class FacetMain {
    private FacetMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            FacetApplication.launch((LibraryLocation) null, (Path) null);
            return;
        }
        System.exit(FacetCommand.run(args));
    }
}
