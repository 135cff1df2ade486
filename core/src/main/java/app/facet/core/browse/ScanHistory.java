package app.facet.core.browse;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.ScanHistoryStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The folders this library was scanned from (File → Rescan scans them again). */
public final class ScanHistory {
    private final ScanHistoryStore store;

    public ScanHistory(Catalog catalog) {
        this.store = new ScanHistoryStore(catalog);
    }

    /** @return distinct roots of every non-dry-run scan, sorted; empty for a new library @throws CatalogException on a database error */
    public List<Path> roots() {
        return new ArrayList<>(store.roots().stream().map(Path::of).toList());
    }
}
