package app.facet.core.catalog;

/**
 * Counts of a histogram's bins.
 *
 * @param counts      rows per bin, in bin order
 * @param notMeasured rows without the measure
 */
public record BinCounts(long[] counts, long notMeasured) {
}
