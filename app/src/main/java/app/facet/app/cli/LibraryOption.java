package app.facet.app.cli;

import app.facet.app.startup.LibraryFolderCheck;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --library DIR}, shared by every command. */
public final class LibraryOption {
    @Option(names = "--library", paramLabel = "DIR",
            description = "Library folder (catalog.sqlite + managed crops). Default: $FACET_LIBRARY, else the user's data folder (XDG).")
    Path library;

    public LibraryLocation location() {
        return library == null ? LibraryLocation.defaultLocation() : new LibraryLocation(library);
    }

    /**
     * Opens (creating if needed) the library's catalog.
     *
     * @throws UserError when the library folder cannot be created or written
     */
    public Catalog open() {
        LibraryLocation loc = location();
        LibraryFolderCheck.problem(loc).ifPresent(problem -> {
            throw new UserError(problem);
        });
        return Catalog.open(loc);
    }

    /**
     * Opens an existing library for reading commands.
     *
     * @throws UserError when there is no catalog at the location
     */
    public Catalog openExisting() {
        LibraryLocation loc = location();
        if (!loc.exists()) {
            throw new UserError("No Facet library at " + loc.root() + " (run `facet scan DIR` first, or pass --library DIR).");
        }
        return Catalog.open(loc);
    }
}
