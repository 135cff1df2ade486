package app.facet.core.scan;

/**
 * A progress report. {@code total} may grow during {@link ScanPhase#WALKING}; it is -1 when unknown.
 *
 * @param done        units finished in this phase (files walked, files catalogued, photos analysed)
 * @param facesFound  faces stored so far in this run
 * @param current     the file being worked on, or null
 */
public record ScanProgress(ScanPhase phase, long done, long total, long facesFound, String current) {
}
