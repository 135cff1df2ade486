package app.facet.model;

/**
 * One stored face (a row of {@code face_crops}).
 *
 * @param imagePath          path of the original photo the face is in; always equals the photo's path, never a crop
 * @param cropPath           display crop JPEG under the library's managed crops folder
 * @param box                bounding box in original-image pixels after EXIF orientation
 * @param landmarks          five landmarks in the same space; null when the detector gives none (Haar, manual box)
 * @param detectionScore     detector confidence in [0, 1]; 1.0 for a box the user drew
 * @param quality            quality metrics; null when not computed
 * @param hasEmbedding       true when an embedding of {@code embeddingModelId} is stored
 * @param personId           assigned person, null when unassigned
 * @param invalidReason      non-null exactly when {@code status == INVALID}
 */
public record Face(long id, long photoId, String imagePath, String cropPath, BoundingBox box, Landmarks landmarks,
                   double detectionScore, String detector, QualityMetrics quality, boolean hasEmbedding,
                   String embeddingModelId, Long personId, String personName, AssignedBy assignedBy,
                   Long clusterId, boolean notAFace, FaceStatus status, String invalidReason) {
}
