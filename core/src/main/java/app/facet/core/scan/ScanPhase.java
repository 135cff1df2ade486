package app.facet.core.scan;

/** Phases of a scan, in order. */
public enum ScanPhase {
    /** listing files under the roots */
    WALKING,
    /** hashing new or changed files and matching them against the catalog (moves, edits) */
    CATALOGUING,
    /** decoding, detecting, aligning and embedding faces */
    ANALYSING,
    /** cleaning up crop files of deleted faces and recording the run (stored faces are checked as they are written) */
    FINISHING
}
