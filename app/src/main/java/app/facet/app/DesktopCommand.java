package app.facet.app;

import app.facet.app.desktop.FacetApplication;
import app.facet.core.catalog.LibraryLocation;

import java.nio.file.Path;

/**
 * {@code facet ui [--library DIR] [--models DIR]} until the picocli command line takes it over. Anything else is
 * refused with one sentence and exit code 2.
 */
final class DesktopCommand {
    private DesktopCommand() {
    }

    static int run(String[] args) {
        if (!args[0].equals("ui")) {
            System.err.println("Unknown command '" + args[0] + "': this build knows only `facet` and `facet ui [--library DIR] [--models DIR]`.");
            return 2;
        }
        LibraryLocation library = null;
        Path models = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value;
            String name;
            if (a.startsWith("--") && a.contains("=")) {
                name = a.substring(0, a.indexOf('='));
                value = a.substring(a.indexOf('=') + 1);
            } else {
                name = a;
                if (i + 1 >= args.length) {
                    System.err.println("Option " + a + " needs a folder, e.g. " + a + " ~/Pictures/Facet.");
                    return 2;
                }
                value = args[++i];
            }
            switch (name) {
                case "--library" -> library = new LibraryLocation(Path.of(value));
                case "--models" -> models = Path.of(value).toAbsolutePath().normalize();
                default -> {
                    System.err.println("Unknown option '" + name + "' for `facet ui`: use --library DIR or --models DIR.");
                    return 2;
                }
            }
        }
        FacetApplication.launch(library, models);
        return 0;
    }
}
