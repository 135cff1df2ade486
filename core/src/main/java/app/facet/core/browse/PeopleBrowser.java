package app.facet.core.browse;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.FaceTally;
import app.facet.core.catalog.PeopleListingStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Read-only people queries for the sidebar. Call off the UI thread. */
public final class PeopleBrowser {
    private final PeopleListingStore store;

    public PeopleBrowser(Catalog catalog) {
        this.store = new PeopleListingStore(catalog);
    }

    /**
     * @return every person, hidden ones included (the caller decides whether to show them), sorted by name
     * @throws CatalogException on a database error
     */
    public List<PersonSummary> people() {
        List<PersonSummary> out = new ArrayList<>();
        store.people().forEach(p -> out.add(new PersonSummary(p.person(), p.coverCrop() == null ? null : Path.of(p.coverCrop()))));
        return out;
    }

    /** @throws CatalogException on a database error */
    public UnknownFaces unknown() {
        FaceTally t = store.unassigned();
        return new UnknownFaces((int) t.faces(), (int) t.photos());
    }
}
