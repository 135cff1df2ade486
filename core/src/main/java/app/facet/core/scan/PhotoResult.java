package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.catalog.PendingPhoto;
import app.facet.core.metadata.PreparedRegions;

import java.util.List;

/** What the analysis stage made of one pending photo: plain data for the {@link PhotoSink}. */
sealed interface PhotoResult {
    PendingPhoto photo();

    /**
     * The photo was analysed and its display crops written.
     *
     * @param cropPaths absolute paths of the crop JPEGs, one per face of {@code analysis}, in the same order
     * @param regions   the face regions read from the photo's XMP and sidecars ({@link PreparedRegions#NONE} when
     *                  reading is off), with the crop files of the faces cut for them
     */
    record Analysed(PendingPhoto photo, PhotoAnalysis analysis, List<String> cropPaths, PreparedRegions regions) implements PhotoResult {
        public Analysed {
            cropPaths = List.copyOf(cropPaths);
            regions = regions == null ? PreparedRegions.NONE : regions;
        }

        Analysed(PendingPhoto photo, PhotoAnalysis analysis, List<String> cropPaths) {
            this(photo, analysis, cropPaths, PreparedRegions.NONE);
        }

        /** @return every crop file this result wrote: the detections' and the regions' */
        List<String> allCropPaths() {
            List<String> all = new java.util.ArrayList<>(cropPaths);
            all.addAll(regions.cropPaths());
            return all;
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
