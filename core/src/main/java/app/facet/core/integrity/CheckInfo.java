package app.facet.core.integrity;

/**
 * What a check is, independent of any run.
 *
 * @param mode the least deep mode that runs it: QUICK checks also run in FULL mode
 */
record CheckInfo(String name, String title, Severity severity, CheckMode mode, String suggestedFix, boolean repairable) {
}
