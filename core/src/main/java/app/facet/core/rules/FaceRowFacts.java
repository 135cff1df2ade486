package app.facet.core.rules;

/**
 * What the face-row rules look at for one face row, stored or about to be written.
 *
 * @param imagePath        face_crops.image_path: must be the photo's own path
 * @param photoPath        photos.path of the face's photo; null when that photo row does not exist
 * @param cropPath         face_crops.crop_path (the face crop file); null when none
 * @param x                bounding box left, original-image pixels after EXIF orientation (raw: may be degenerate, NaN
 *                         when the stored value is not a number)
 * @param y                bounding box top, same space
 * @param w                bounding box width, pixels
 * @param h                bounding box height, pixels
 * @param photoWidth       photos.width after EXIF orientation; null when unknown (no box-inside test then)
 * @param photoHeight      photos.height after EXIF orientation; null when unknown
 * @param detectionScore   detector confidence, expected in [0, 1]
 * @param embeddingBytes   size of the stored embedding in bytes (float32: 4 × dimension); null when there is none;
 *                         {@value #NOT_A_BLOB} when the stored value is not a BLOB at all
 * @param embedding        the embedding decoded (float[dimension], expected L2-normalised); null when none or when
 *                         {@code embeddingBytes} is not a whole number of float32 values
 * @param embeddingModelId model of the embedding; null when none
 * @param modelDimension   embedding_models.dimension of that model; null when the model is not registered
 */
public record FaceRowFacts(String imagePath, String photoPath, String cropPath,
                           double x, double y, double w, double h,
                           Integer photoWidth, Integer photoHeight, double detectionScore,
                           Integer embeddingBytes, float[] embedding, String embeddingModelId, Integer modelDimension) {
    /** {@link #embeddingBytes()} of a stored value that is not a BLOB (text, a number). */
    public static final int NOT_A_BLOB = -1;
}
