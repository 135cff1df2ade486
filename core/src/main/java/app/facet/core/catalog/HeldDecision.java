package app.facet.core.catalog;

import app.facet.model.BoundingBox;

/**
 * One row of {@code orphaned_decisions}: a user decision whose face row was replaced.
 *
 * @param oldFaceId        the face row the decision was on (gone); the decisions of one face share it
 * @param personId         the person of a PERSON, NOT_THIS_PERSON or COVER decision, else null
 * @param box              the old face's bounding box, in the old image's pixels after EXIF orientation
 * @param photoWidth       the old image's width after EXIF orientation, null when it was not known
 * @param photoHeight      the old image's height after EXIF orientation, null when it was not known
 * @param embedding        the old face's embedding (float[dimension], L2-normalised), null when it had none
 * @param embeddingModelId the model of {@code embedding}, null with it
 * @param needsReview      false while the photo awaits its re-analysis; true once no new face matched
 * @param reason           why it needs review (one sentence), null while awaiting
 * @param recordedAt       when the face row was replaced, ISO-8601 UTC
 * @param metadataSource   the old face's {@code metadata_source} (PERSON and HAND_DRAWN_BOX rows), else null
 * @param metadataName     the old face's {@code metadata_name} (the region's name when applied), else null
 */
public record HeldDecision(long id, long photoId, long oldFaceId, DecisionKind kind, Long personId, BoundingBox box,
                           Integer photoWidth, Integer photoHeight, float[] embedding, String embeddingModelId,
                           boolean needsReview, String reason, String recordedAt, String metadataSource,
                           String metadataName) {
}
