package app.facet.core.integrity;

/**
 * One check's finding count before and after a repair.
 *
 * @param after null for a dry run (nothing changed)
 */
public record CountChange(String check, Severity severity, long before, Long after) {
}
