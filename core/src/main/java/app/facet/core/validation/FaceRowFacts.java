package app.facet.core.validation;

import app.facet.model.BoundingBox;

/**
 * Everything the face-row rules look at, for a row about to be written or already stored.
 *
 * @param imagePath       face_crops.image_path
 * @param photoPath       path of the photo row the face belongs to; null when that photo does not exist
 * @param photoWidth      photo width after EXIF orientation, null when unknown
 * @param photoHeight     photo height after EXIF orientation, null when unknown
 * @param cropPath        face_crops.crop_path, may be null
 * @param x               bbox left, original-image pixels after EXIF orientation (raw values: may be degenerate)
 * @param detectionScore  detector confidence
 * @param embedding       float[dim] or null
 * @param embeddingModelId model id or null
 * @param modelDimension  dimension of that model in embedding_models, null when the model is unknown
 */
public record FaceRowFacts(String imagePath, String photoPath, Integer photoWidth, Integer photoHeight, String cropPath,
                           double x, double y, double w, double h, double detectionScore,
                           float[] embedding, String embeddingModelId, Integer modelDimension) {

    public static FaceRowFacts of(String imagePath, String photoPath, Integer width, Integer height, String cropPath,
                                  BoundingBox box, double score, float[] embedding, String modelId, Integer dimension) {
        return new FaceRowFacts(imagePath, photoPath, width, height, cropPath, box.x(), box.y(), box.w(), box.h(),
                score, embedding, modelId, dimension);
    }
}
