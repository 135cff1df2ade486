package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckStore;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.Tx;

import java.io.File;

/** What a check runs against: one open connection (one read snapshot), the library folders and the progress. */
final class CheckContext {
    private final Tx tx;
    private final LibraryLocation location;
    private final String managedDir;
    private final ProgressTracker progress;

    CheckContext(Tx tx, LibraryLocation location, ProgressTracker progress) {
        this.tx = tx;
        this.location = location;
        this.managedDir = managedDir(tx, location);
        this.progress = progress;
    }

    Tx tx() {
        return tx;
    }

    LibraryLocation location() {
        return location;
    }

    /** The managed folder with trailing separator, as the guard triggers compare it. */
    String managedDir() {
        return managedDir;
    }

    ProgressTracker progress() {
        return progress;
    }

    /**
     * The managed folder the catalog's triggers guard ({@code library_settings.managed_dir}); the library's own
     * folder when the setting is absent.
     *
     * @throws app.facet.core.catalog.CatalogException on a database error
     */
    static String managedDir(Tx tx, LibraryLocation location) {
        String setting = IntegrityCheckStore.managedDirSetting(tx);
        return setting != null ? setting : location.managedDir() + File.separator;
    }
}
