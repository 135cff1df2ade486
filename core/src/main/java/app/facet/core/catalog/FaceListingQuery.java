package app.facet.core.catalog;

import app.facet.model.QualityLabel;

import java.util.Objects;

/**
 * A filter, sort and page of the face quality dashboard's listing ({@link FaceListingStore#page}).
 *
 * @param quality     only faces of this quality label; null: see {@code notMeasured}
 * @param notMeasured only faces whose quality was never measured (when {@code quality} is null)
 * @param personId    only faces on this person; null: any (see {@code unknownOnly})
 * @param unknownOnly only faces on no person and not marked "not a face" (when {@code personId} is null)
 * @param status      which assignment or validity state
 * @param sort        sort key; ties are broken by face id in the same direction
 * @param descending  sort direction
 * @param offset      rows skipped, at least 0
 * @param limit       rows returned, at least 1
 */
public record FaceListingQuery(QualityLabel quality, boolean notMeasured, Long personId, boolean unknownOnly, Status status,
                               Sort sort, boolean descending, int offset, int limit) {

    /** Which rows the listing holds by assignment or validity. */
    public enum Status { ALL, INVALID, VALID, USER, AUTO, SUGGESTED, UNKNOWN, NOT_A_FACE }

    /** Sort keys of the listing. */
    public enum Sort { QUALITY, FACE_SIZE, DETECTION_SCORE, SHARPNESS, PERSON, STATUS, PHOTO, FACE_ID }

    public FaceListingQuery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sort, "sort");
    }
}
