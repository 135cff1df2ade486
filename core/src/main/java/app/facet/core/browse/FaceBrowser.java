package app.facet.core.browse;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.PhotoFacesStore;
import app.facet.model.Face;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The faces of one photo with their person names, for the photo viewer. Call off the UI thread. */
public final class FaceBrowser {
    private final PhotoFacesStore store;

    public FaceBrowser(Catalog catalog) {
        this.store = new PhotoFacesStore(catalog);
    }

    /**
     * @return every face row of the photo (invalid rows and "not a face" rows included: the caller decides how
     *         to show them), left to right; boxes in original-image pixels after EXIF orientation, null for a
     *         degenerate stored box (such a row cannot be drawn)
     * @throws CatalogException on a database error
     */
    public List<Face> faces(long photoId) {
        return store.faces(photoId);
    }

    /**
     * @param faceIds face ids (any number)
     * @return the display crop of each face that has one (faces without a crop, or no longer in the catalog, are absent)
     * @throws CatalogException on a database error
     */
    public Map<Long, Path> cropPaths(Collection<Long> faceIds) {
        Map<Long, Path> out = new HashMap<>();
        store.cropPaths(new LinkedHashSet<>(faceIds)).forEach((id, crop) -> out.put(id, Path.of(crop)));
        return out;
    }
}
