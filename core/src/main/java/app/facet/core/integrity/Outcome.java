package app.facet.core.integrity;

/** What happened to one planned change. */
public enum Outcome {
    /** Dry run: would be applied. */
    PLANNED,
    /** Applied and committed. */
    APPLIED,
    /** Not applied: re-checked just before the change, the row no longer had the problem (or had changed since the plan). */
    SKIPPED_STALE,
    /** Not applied: needs a decision by the user. */
    LEFT_FOR_USER,
    /** Not applied: its check's transaction failed and was rolled back (the note says why). */
    FAILED
}
