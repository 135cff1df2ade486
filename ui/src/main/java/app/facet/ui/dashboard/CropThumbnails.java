package app.facet.ui.dashboard;

import app.facet.core.dashboard.FaceListing;
import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Face crop thumbnails for the table, loaded by JavaFX in the background and kept for the rows seen last. Only crops
 * core reports as readable (our own files in the crops folder) are loaded: a broken row never makes the table decode
 * an arbitrary file. UI thread only.
 */
final class CropThumbnails {
    static final int SIZE = 48;
    private static final int KEEP = 600;

    private final Map<String, Image> images = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > KEEP;
        }
    };

    /** @return the crop's thumbnail (possibly still loading), or null when the row has no readable crop */
    Image of(FaceListing row) {
        if (row == null || !row.cropReadable() || row.cropPath() == null) {
            return null;
        }
        return images.computeIfAbsent(row.cropPath(), p -> new Image(Path.of(p).toUri().toString(), SIZE, SIZE, true, true, true));
    }
}
