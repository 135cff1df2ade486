package app.facet.core.integrity;

/**
 * A planned change and what became of it.
 *
 * @param note why it was skipped or failed; null when applied or planned
 */
public record AppliedChange(PlannedChange change, Outcome outcome, String note) {
}
