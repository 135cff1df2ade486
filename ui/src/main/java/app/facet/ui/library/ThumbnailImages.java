package app.facet.ui.library;

import app.facet.core.thumbnails.ThumbnailKey;
import javafx.scene.image.Image;

import java.util.LinkedHashMap;
import java.util.Map;

/** Decoded thumbnail images in memory (LRU), so scrolling back does not reload from disk. UI thread only. */
final class ThumbnailImages {
    private final Map<ThumbnailKey, Image> images;

    ThumbnailImages(int capacity) {
        images = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ThumbnailKey, Image> eldest) {
                return size() > capacity;
            }
        };
    }

    Image get(ThumbnailKey key) {
        return images.get(key);
    }

    void put(ThumbnailKey key, Image image) {
        images.put(key, image);
    }
}
