package app.facet.app.cli.integrity;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.LibraryLocation;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --library DIR}, shared by the commands (a picocli mixin). Without it: {@code $FACET_LIBRARY}, else the
 * user's data folder ({@link LibraryLocation#defaultLocation()}).
 */
public final class LibraryOption {
    @Option(names = "--library", paramLabel = "DIR",
            description = "Library folder (catalog.sqlite and managed files). Default: $FACET_LIBRARY, else the user's data folder.")
    Path dir;

    public LibraryLocation location() {
        return dir == null ? LibraryLocation.defaultLocation() : new LibraryLocation(dir);
    }

    /**
     * Opens an existing library; never creates one (checking an empty new library would only hide a mistyped path).
     *
     * @throws CatalogException when there is no catalog in the folder or it cannot be opened
     */
    public Catalog openExisting() {
        LibraryLocation location = location();
        if (!location.exists()) {
            throw new CatalogException("There is no Facet library at " + location.root() + ": run facet scan first, or pass --library DIR.");
        }
        return Catalog.open(location);
    }
}
