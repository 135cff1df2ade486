package app.facet.core.integrity;

/** How much a check's findings matter. */
public enum Severity {
    /** The catalog is wrong (a broken rule, a lost link); a finding makes {@code facet check} exit 1. */
    ERROR,
    /** Worth the user's attention, the catalog is still consistent; a finding makes {@code facet check} exit 1. */
    WARNING,
    /** Shown for information (e.g. rows already flagged invalid by the validator); never a problem. */
    INFO
}
