package app.facet.core.analysis;

import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;
import app.facet.model.QualityMetrics;

/**
 * One face found in a photo, before it is written to the catalog.
 *
 * @param box            bounding box in original-image pixels after EXIF orientation, inside the image
 * @param landmarks      five landmarks in the same space; null when the detector gives none
 * @param detectionScore detector confidence in [0, 1]
 * @param detector       detector id ({@code yunet-2023mar}, {@code haar-...}, {@code manual})
 * @param quality        quality metrics of the face
 * @param embedding      float[dimension], L2-normalised; null when no embedding model is in use
 * @param cropJpeg       JPEG bytes of the display crop (the box plus a margin, long side at most 256 px)
 */
public record AnalyzedFace(BoundingBox box, Landmarks landmarks, double detectionScore, String detector,
                           QualityMetrics quality, float[] embedding, byte[] cropJpeg) {
}
