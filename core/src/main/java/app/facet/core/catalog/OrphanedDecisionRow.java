package app.facet.core.catalog;

/**
 * A held decision as the review listing shows it.
 *
 * @param photoPath  the photo's path
 * @param personName the person's name, null for a decision without a person
 * @param decision   the decision itself (box in the old image's oriented pixels)
 */
public record OrphanedDecisionRow(HeldDecision decision, String photoPath, String personName) {
}
