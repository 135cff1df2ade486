package app.facet.core.people;

import java.time.Duration;

/**
 * Outcome of one {@link RecognitionService#recognize(boolean)} run, like a backfill report.
 *
 * @param facesChecked  unassigned, valid, embedded faces compared with the named people
 * @param autoAssigned  faces assigned with {@code assigned_by=auto} (would be, in a dry run)
 * @param suggested     faces given a suggestion to review
 * @param unknown       faces left unknown (below the review threshold, or no person to compare with)
 * @param peopleKnown   people with at least one embedded face of the same model (the gallery)
 * @param dryRun        true when nothing was written
 * @param elapsed       wall time of the run
 */
public record RecognitionSummary(int facesChecked, int autoAssigned, int suggested, int unknown,
                                 int peopleKnown, boolean dryRun, Duration elapsed) {
}
