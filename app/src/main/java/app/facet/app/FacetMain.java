package app.facet.app;

import app.facet.app.cli.FacetCommand;

/**
 * Entry point of {@code ./facet}: the command line, and (with no arguments or {@code ui}) the desktop app.
 * Deliberately not a JavaFX Application subclass, so it runs from a plain classpath.
 */
public final class FacetMain {
    private FacetMain() {
    }

    public static void main(String[] args) {
        System.exit(FacetCommand.run(args));
    }
}
