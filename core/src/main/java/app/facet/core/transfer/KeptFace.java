package app.facet.core.transfer;

/**
 * A face of the catalog at the place of a face the file says the user deleted, kept because it carries a decision of
 * this library (a person the user chose, "not a face", "not this person", a cover, a box the user drew): a conflict
 * the user decides. The deletion is not recorded for it, so a later re-analysis does not fight the decision either.
 *
 * @param photoPath the photo's path in the catalog
 * @param faceId    the face kept
 * @param person    the person it is on, null when none
 * @param reason    one sentence: why it was kept
 */
public record KeptFace(String photoPath, long faceId, String person, String reason) {
}
