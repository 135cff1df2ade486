package app.facet.core.catalog;

/**
 * The faces on one person ("not a face" rows left out).
 *
 * @param personId person id
 * @param name     person name
 * @param faces    face rows on the person
 * @param photos   distinct photos holding them
 * @param byUser   of them, placed by the user
 * @param auto     of them, placed by recognition
 */
public record PersonFaceTotals(long personId, String name, long faces, long photos, long byUser, long auto) {
}
