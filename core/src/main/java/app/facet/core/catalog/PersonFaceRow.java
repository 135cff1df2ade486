package app.facet.core.catalog;

import app.facet.model.Face;

/**
 * One face of a person with what a face gallery sorts it by.
 *
 * @param face      the face row (box in original-image pixels after EXIF orientation)
 * @param embedding the stored embedding of {@code face.embeddingModelId()} (float32, L2-normalised as stored), null
 *                  when none is stored
 * @param takenAt   the photo's capture time from EXIF, ISO-8601 as stored; null when the photo has none
 * @param photoMtimeMs the photo file's modification time, ms since the epoch (the date when {@code takenAt} is null)
 */
public record PersonFaceRow(Face face, float[] embedding, String takenAt, long photoMtimeMs) {
}
