package app.facet.model;

/**
 * A named person. Counts exclude faces marked "not a face".
 *
 * @param coverFaceId the face shown as avatar; null means "best quality face"
 */
public record Person(long id, String name, boolean hidden, Long coverFaceId, int faceCount, int photoCount) {
}
