package app.facet.core.catalog;

import app.facet.model.AssignedBy;
import app.facet.model.QualityMetrics;

/**
 * One {@code face_crops} row of the face quality dashboard, as stored, with the facts about its photo, crop and
 * embedding that validating it needs. Nothing is checked here: the box is kept as stored, degenerate or not.
 *
 * @param faceId             face row id
 * @param photoId            its photo's id
 * @param photoPath          path of its photo row; null when that row is gone
 * @param imagePath          the row's own image_path
 * @param cropPath           the display crop path; may be null
 * @param x                  bounding box left, original-image pixels after EXIF orientation (as stored)
 * @param y                  bounding box top
 * @param w                  bounding box width
 * @param h                  bounding box height
 * @param detectionScore     detector confidence, 0..1
 * @param detector           detector id
 * @param quality            quality metrics, null when never measured (unmeasured metrics are NaN)
 * @param embedding          the decoded embedding (float32); empty when the stored BLOB is not float32; null when none
 * @param hasEmbedding       an embedding BLOB is stored
 * @param embeddingModelId   id of the embedding model; null when none
 * @param embeddingDimension the model's registered dimension; null when unknown
 * @param personId           assigned person; null when none
 * @param personName         its name
 * @param assignedBy         who assigned the person
 * @param suggestedPersonId  suggested person; null when none
 * @param suggestedName      its name
 * @param notAFace           marked "not a face"
 * @param storedInvalid      the stored status is {@code invalid}
 * @param storedReason       the stored invalid_reason
 * @param photoWidth         the photo's width in pixels after EXIF orientation; null when unknown
 * @param photoHeight        its height
 * @param imagePathIsCrop    the row's image_path is some row's crop_path
 * @param readError          why the row could not be read (a value no code path of Facet writes, e.g. text in a
 *                           number column); null when it was read. Only the ids are set then.
 */
public record FaceListingRow(long faceId, long photoId, String photoPath, String imagePath, String cropPath,
                             double x, double y, double w, double h, double detectionScore, String detector,
                             QualityMetrics quality, float[] embedding, boolean hasEmbedding, String embeddingModelId,
                             Integer embeddingDimension, Long personId, String personName, AssignedBy assignedBy,
                             Long suggestedPersonId, String suggestedName, boolean notAFace, boolean storedInvalid,
                             String storedReason, Integer photoWidth, Integer photoHeight,
                             boolean imagePathIsCrop, String readError) {

    /** A row whose values could not be read: only its ids and the reason. */
    static FaceListingRow unreadable(long faceId, long photoId, String readError) {
        return new FaceListingRow(faceId, photoId, null, null, null, 0, 0, 0, 0, 0, null, null, null, false, null, null,
                null, null, AssignedBy.NONE, null, null, false, false, null, null, null, false, readError);
    }
}
