package app.facet.core.catalog;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;
import app.facet.model.QualityMetrics;

/**
 * A face row to be inserted into face_crops.
 *
 * @param imagePath  path of the original photo (must equal the photo row's path)
 * @param cropPath   absolute path of the display crop JPEG, already written under the managed crops folder
 * @param box        bounding box, original-image pixels after EXIF orientation
 * @param landmarks  five landmarks in the same space, or null
 * @param quality    quality metrics, or null
 * @param embedding  float[dim], L2-normalised, or null
 * @param personId   person to assign at once (manual crop editor), or null
 */
public record NewFaceCrop(long photoId, String imagePath, String cropPath, BoundingBox box, Landmarks landmarks,
                          double detectionScore, String detector, QualityMetrics quality, float[] embedding,
                          String embeddingModelId, Long personId, AssignedBy assignedBy) {
    /** @return this row with another crop path (its stored form, see {@code rules.LibraryPaths}) */
    public NewFaceCrop withCropPath(String path) {
        return new NewFaceCrop(photoId, imagePath, path, box, landmarks, detectionScore, detector, quality, embedding,
                embeddingModelId, personId, assignedBy);
    }
}
