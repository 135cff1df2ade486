package app.facet.core.analysis;

import java.time.Instant;
import java.util.List;

/**
 * Result of analysing one photo.
 *
 * @param width       width in pixels after EXIF orientation
 * @param height      height in pixels after EXIF orientation
 * @param orientation EXIF orientation tag 1..8 as read from the file, null when absent
 * @param takenAt     EXIF DateTimeOriginal, null when absent
 * @param detectorId  detector that ran
 * @param embeddingModelId model that produced the embeddings, null when none
 * @param faces       faces found, bounding boxes clipped to the image
 */
public record PhotoAnalysis(int width, int height, Integer orientation, Instant takenAt,
                            String detectorId, String embeddingModelId, List<AnalyzedFace> faces) {
    public PhotoAnalysis {
        faces = List.copyOf(faces);
    }
}
