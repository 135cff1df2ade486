package app.facet.core.browse;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.PhotoListingQuery;
import app.facet.core.catalog.PhotoListingStore;
import app.facet.model.Photo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only photo queries for the library grid. Every method opens its own connection (WAL lets it run
 * beside a scan) and may take longer than a frame on a big library: call it off the UI thread.
 */
public final class PhotoBrowser {
    /** Largest id list {@link #photos(long[])} sends in one statement. */
    static final int MAX_IDS_PER_QUERY = 500;

    private final PhotoListingStore store;

    public PhotoBrowser(Catalog catalog) {
        this.store = new PhotoListingStore(catalog);
    }

    /**
     * @return the ids of every photo passing {@code filter}, ordered by photo date, then path
     * @throws CatalogException when the catalog cannot be read
     */
    public PhotoSelection select(PhotoFilter filter) {
        Long personId = filter.person() instanceof PersonFilter.Only only ? only.personId() : null;
        boolean unknownOnly = filter.person() instanceof PersonFilter.Unknown;
        String folder = filter.folder() == null ? null : filter.folder().toString();
        return new PhotoSelection(filter, store.selectIds(new PhotoListingQuery(folder, filter.from(), filter.to(), personId, unknownOnly)));
    }

    /**
     * @param ids photo ids, at most a few thousand (read in batches of {@value #MAX_IDS_PER_QUERY})
     * @return the photos, in the order of {@code ids}; ids no longer in the catalog are left out
     * @throws CatalogException when the catalog cannot be read
     */
    public List<Photo> photos(long[] ids) {
        Map<Long, Photo> byId = new HashMap<>(ids.length * 2);
        for (int from = 0; from < ids.length; from += MAX_IDS_PER_QUERY) {
            List<Long> batch = new ArrayList<>();
            for (int i = from; i < Math.min(ids.length, from + MAX_IDS_PER_QUERY); i++) {
                batch.add(ids[i]);
            }
            byId.putAll(store.photos(batch));
        }
        List<Photo> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            Photo p = byId.get(id);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    public Optional<Photo> photo(long id) {
        List<Photo> one = photos(new long[]{id});
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** @return the number of catalogued photos (missing ones included) */
    public long count() {
        return store.count();
    }

    /** @return every folder that directly holds a catalogued photo, sorted by path */
    public List<Path> folders() {
        return new ArrayList<>(store.folders().stream().map(Path::of).toList());
    }
}
