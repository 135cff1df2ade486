package app.facet.core.browse;

/**
 * Faces on no person (excluding faces marked "not a face"): the sidebar's "Unknown" entry.
 *
 * @param faceCount  unassigned faces
 * @param photoCount photos holding at least one of them
 */
public record UnknownFaces(int faceCount, int photoCount) {
}
