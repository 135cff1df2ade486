package app.facet.core.catalog;

/**
 * Photo rows by scan state.
 *
 * @param photos  every photo row (missing ones included)
 * @param missing recorded missing on disk
 * @param pending not analysed yet
 * @param done    analysed, with faces
 * @param noFaces analysed, without faces
 * @param failed  analysis failed
 */
public record PhotoStateCounts(long photos, long missing, long pending, long done, long noFaces, long failed) {
}
