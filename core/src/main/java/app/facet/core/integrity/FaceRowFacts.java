package app.facet.core.integrity;

/**
 * What the face rules look at for one face row (stored or about to be written).
 *
 * @param imagePath        face_crops.image_path: must be the photo's own path
 * @param photoPath        photos.path of the face's photo; null when the photo row does not exist
 * @param cropPath         face_crops.crop_path; may be null
 * @param x                bounding box left, original-image pixels after EXIF orientation
 * @param y                bounding box top, same space
 * @param w                bounding box width, pixels
 * @param h                bounding box height, pixels
 * @param photoWidth       photos.width after EXIF orientation; null when unknown (no box-inside check then)
 * @param photoHeight      photos.height after EXIF orientation; null when unknown
 * @param detectionScore   detector confidence, expected in [0, 1]
 * @param embedding        raw embedding BLOB (float32 little-endian); null when none
 * @param embeddingModelId model of the embedding; null when none
 * @param modelDimension   embedding_models.dimension of that model; null when the model is unknown
 */
public record FaceRowFacts(String imagePath, String photoPath, String cropPath,
                           double x, double y, double w, double h,
                           Integer photoWidth, Integer photoHeight, double detectionScore,
                           byte[] embedding, String embeddingModelId, Integer modelDimension) {
}
