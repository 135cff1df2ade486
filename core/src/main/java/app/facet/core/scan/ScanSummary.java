package app.facet.core.scan;

import java.time.Duration;
import java.util.Map;

/**
 * What a scan did. Counts are of this run only.
 *
 * @param status          completed, cancelled or failed
 * @param photosSeen      supported image files found under the roots
 * @param photosNew       files catalogued for the first time
 * @param photosUnchanged files already catalogued with the same size, mtime (or content hash)
 * @param photosChanged   catalogued files whose content changed: their faces are detected again
 * @param photosMoved     catalogued photos found at a new path (same content hash): they keep their faces
 * @param photosMissing   catalogued photos under the roots no longer on disk (marked missing, not dropped)
 * @param photosAnalysed  photos decoded and searched for faces in this run
 * @param photosFailed    photos that could not be analysed; {@code failureReasons} counts them by reason code
 * @param photosNoFaces   analysed photos with no face
 * @param photosPending   photos left for a later run (limit, cancel)
 * @param facesFound      faces written to the catalog
 * @param rejectedWrites  face rows the validator refused (each logged and recorded in rejected_writes)
 * @param invalidFlagged  face rows written by this run that the post-write check flagged invalid (the whole library is
 *                        re-validated by the integrity check, not by a scan)
 * @param detector        detector description, e.g. "YuNet 2023mar"
 * @param embeddingModel  embedding model id, or null when none
 * @param embeddingNote   why faces have no embedding (one sentence), or null
 * @param decisionsCarried       user decisions of changed photos carried to their new faces
 * @param decisionsNeedingReview user decisions of changed photos that no new face matched: kept in
 *                               {@code orphaned_decisions} and listed for review ({@code facet decisions})
 */
public record ScanSummary(long runId, String status, boolean dryRun, long photosSeen, long photosNew, long photosUnchanged, long photosChanged,
                          long photosMoved, long photosMissing, long photosAnalysed, long photosFailed,
                          Map<String, Long> failureReasons, long photosNoFaces, long photosPending, long facesFound,
                          long rejectedWrites, long invalidFlagged, String detector, String embeddingModel,
                          String embeddingNote, Duration elapsed, long decisionsCarried, long decisionsNeedingReview) {

    /** Analysed photos per second over the whole run (0 when nothing was analysed). */
    public double photosPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : photosAnalysed / s;
    }
}
