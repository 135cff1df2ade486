package app.facet.core.scan;

import app.facet.model.ScanState;

/**
 * What the sink stored for one photo, for the scan's tallies.
 *
 * @param state          the photo's state after the write; null when the write failed and the photo stays pending
 * @param facesStored    face rows written
 * @param facesRejected  face rows the validator refused
 * @param flaggedInvalid written rows the post-write check flagged invalid
 * @param failureCode    why the photo failed (reason code), or null
 * @param decisionsCarried       held user decisions carried to a new face
 * @param decisionsNeedingReview held user decisions no new face matched (kept for review)
 * @param regions        what the photo's face regions did ({@link RegionTally#NONE} when none were applied)
 */
record PhotoOutcome(ScanState state, int facesStored, int facesRejected, long flaggedInvalid, String failureCode,
                    int decisionsCarried, int decisionsNeedingReview, RegionTally regions) {

    PhotoOutcome(ScanState state, int facesStored, int facesRejected, long flaggedInvalid, String failureCode) {
        this(state, facesStored, facesRejected, flaggedInvalid, failureCode, 0, 0, RegionTally.NONE);
    }

    /**
     * What one photo's face regions (XMP) and the user's deletions did in the write.
     *
     * @param namesApplied  faces that got their name from a region (renamed ones included)
     * @param namesChanged  of those, faces whose name came from the metadata and was changed there
     * @param facesAdded    regions no detection matched, kept as faces of their own (detector manual)
     * @param conflicts     named regions that disagree with a decision made in Facet: kept for review
     * @param otherReview   other regions and metadata problems kept for review (not imported, bad metadata)
     * @param deletedKept   detections and regions at the place of a face the user deleted: not brought back
     */
    record RegionTally(int namesApplied, int namesChanged, int facesAdded, int conflicts, int otherReview, int deletedKept) {
        static final RegionTally NONE = new RegionTally(0, 0, 0, 0, 0, 0);
    }

    /** The failure code of a write that failed because the disk is full (SQLITE_FULL, no space left). */
    static final String DISK_FULL = "disk_full";

    /** The photo changed since the scan read it (compare-and-set failed): nothing written, nothing counted. */
    static PhotoOutcome skipped() {
        return new PhotoOutcome(null, 0, 0, 0, null);
    }

    static PhotoOutcome failed(String code) {
        return new PhotoOutcome(ScanState.FAILED, 0, 0, 0, code);
    }

    /** The transaction rolled back: nothing of the photo was written. */
    static PhotoOutcome writeFailed() {
        return new PhotoOutcome(null, 0, 0, 0, "catalog_write_failed");
    }

    /** The transaction rolled back because the disk is full. */
    static PhotoOutcome diskFull() {
        return new PhotoOutcome(null, 0, 0, 0, DISK_FULL);
    }

    /** @return whether the photo was analysed to an end state (not a failed write) */
    boolean analysed() {
        return state != null;
    }
}
