package app.facet.core.transfer;

/**
 * A face of the file that carries a decision but found no face in the catalog.
 *
 * @param photoPath the photo path in the file
 * @param person    the person it was on (null when it carried another decision)
 * @param reason    why: the photo is not in the catalog, or no face of it overlaps the box enough
 */
public record UnmatchedFace(String photoPath, String person, String reason) {
}
