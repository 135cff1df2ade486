package app.facet.ui.session;

import app.facet.core.catalog.LibraryLocation;

/** Opens a library's catalog and builds its services; supplied by the app's wiring. Called off the UI thread. */
@FunctionalInterface
public interface LibraryOpener {
    /** @throws app.facet.core.catalog.CatalogException when the folder cannot be created or holds no Facet catalog */
    LibraryContext open(LibraryLocation location);
}
