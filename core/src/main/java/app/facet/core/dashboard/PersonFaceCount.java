package app.facet.core.dashboard;

/**
 * Faces on one person (rows marked "not a face" excluded).
 *
 * @param personId null for the "Unknown" bar (faces on no person)
 * @param name     the person's name, "Unknown" for unassigned faces
 * @param byUser   faces a user put on the person
 * @param auto     faces recognition put on the person
 */
public record PersonFaceCount(Long personId, String name, long faces, long photos, long byUser, long auto) {
}
