package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.catalog.PendingPhoto;

import java.util.List;

/** What the analysis stage made of one pending photo: plain data for the {@link PhotoSink}. */
sealed interface PhotoResult {
    PendingPhoto photo();

    /**
     * The photo was analysed and its display crops written.
     *
     * @param cropPaths absolute paths of the crop JPEGs, one per face of {@code analysis}, in the same order
     */
    record Analysed(PendingPhoto photo, PhotoAnalysis analysis, List<String> cropPaths) implements PhotoResult {
        public Analysed {
            cropPaths = List.copyOf(cropPaths);
        }
    }

    /**
     * The photo could not be analysed.
     *
     * @param reason "code: sentence", e.g. {@code corrupt_image: …}; the code is what the summary counts
     */
    record Failed(PendingPhoto photo, String reason) implements PhotoResult {
        String code() {
            int colon = reason.indexOf(':');
            return colon < 0 ? reason : reason.substring(0, colon);
        }
    }
}
