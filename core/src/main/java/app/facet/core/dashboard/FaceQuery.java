package app.facet.core.dashboard;

import app.facet.core.browse.PersonFilter;

import java.util.Objects;

/**
 * One page of the face listing.
 *
 * @param quality    quality filter
 * @param person     person filter: any, one person's faces, or faces on no person
 * @param status     status filter
 * @param sort       sort key; rows without a value (e.g. no quality) come last in either direction
 * @param descending true for highest first
 * @param offset     rows to skip, {@code >= 0}
 * @param limit      rows to return, 1..1000
 */
public record FaceQuery(QualityFilter quality, PersonFilter person, StatusFilter status, FaceSort sort, boolean descending,
                        int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public FaceQuery {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset >= 0 and limit in 1.." + MAX_LIMIT + " needed, got " + offset + ", " + limit);
        }
    }

    /** Every face, worst quality first (what needs review), first page of {@code limit}. */
    public static FaceQuery worstFirst(int limit) {
        return new FaceQuery(QualityFilter.ANY, PersonFilter.any(), StatusFilter.ALL, FaceSort.QUALITY, false, 0, limit);
    }

    public FaceQuery withQuality(QualityFilter q) {
        return new FaceQuery(q, person, status, sort, descending, 0, limit);
    }

    public FaceQuery withPerson(PersonFilter p) {
        return new FaceQuery(quality, p, status, sort, descending, 0, limit);
    }

    public FaceQuery withStatus(StatusFilter s) {
        return new FaceQuery(quality, person, s, sort, descending, 0, limit);
    }

    public FaceQuery sortedBy(FaceSort s, boolean desc) {
        return new FaceQuery(quality, person, status, s, desc, 0, limit);
    }

    public FaceQuery atOffset(int newOffset) {
        return new FaceQuery(quality, person, status, sort, descending, Math.max(0, newOffset), limit);
    }
}
