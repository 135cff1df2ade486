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
 * @param regions         what the analysed photos' face regions (XMP) and the user's deletions did
 */
public record ScanSummary(long runId, String status, boolean dryRun, long photosSeen, long photosNew, long photosUnchanged, long photosChanged,
                          long photosMoved, long photosMissing, long photosAnalysed, long photosFailed,
                          Map<String, Long> failureReasons, long photosNoFaces, long photosPending, long facesFound,
                          long rejectedWrites, long invalidFlagged, String detector, String embeddingModel,
                          String embeddingNote, Duration elapsed, long decisionsCarried, long decisionsNeedingReview,
                          RegionTotals regions) {

    /**
     * Face regions read from XMP during the run, and faces the user deleted that the run did not bring back.
     *
     * @param namesApplied faces that got their name from a face region (names changed there included)
     * @param namesChanged of those, faces whose name had come from the metadata and was changed there by another program
     * @param facesAdded   regions no detection matched, kept as faces of their own (as if drawn by hand)
     * @param conflicts    named regions that disagree with a decision made in Facet, kept for review
     * @param otherReview  other regions and metadata problems kept for review (not imported, bad metadata)
     * @param deletedKept  detections and regions at the place of a face the user deleted, not brought back
     */
    public record RegionTotals(long namesApplied, long namesChanged, long facesAdded, long conflicts, long otherReview,
                               long deletedKept) {
        public static final RegionTotals NONE = new RegionTotals(0, 0, 0, 0, 0, 0);
    }

    /** A summary without face regions (a dry run, a preview). */
    public ScanSummary(long runId, String status, boolean dryRun, long photosSeen, long photosNew, long photosUnchanged,
                       long photosChanged, long photosMoved, long photosMissing, long photosAnalysed, long photosFailed,
                       Map<String, Long> failureReasons, long photosNoFaces, long photosPending, long facesFound,
                       long rejectedWrites, long invalidFlagged, String detector, String embeddingModel,
                       String embeddingNote, Duration elapsed, long decisionsCarried, long decisionsNeedingReview) {
        this(runId, status, dryRun, photosSeen, photosNew, photosUnchanged, photosChanged, photosMoved, photosMissing,
                photosAnalysed, photosFailed, failureReasons, photosNoFaces, photosPending, facesFound, rejectedWrites,
                invalidFlagged, detector, embeddingModel, embeddingNote, elapsed, decisionsCarried, decisionsNeedingReview,
                RegionTotals.NONE);
    }

    /** Analysed photos per second over the whole run (0 when nothing was analysed). */
    public double photosPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : photosAnalysed / s;
    }
}
