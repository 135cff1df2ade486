package app.facet.ui.findpeople;

import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Face crop images by path (LRU), decoded in the background by JavaFX at display size. UI thread only. */
final class CropImages {
    static final double SIZE = 64;

    private final Map<Path, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
            return size() > 400;
        }
    };

    Image get(Path crop) {
        return cache.computeIfAbsent(crop, p -> new Image(p.toUri().toString(), SIZE * 2, SIZE * 2, true, true, true));
    }
}
