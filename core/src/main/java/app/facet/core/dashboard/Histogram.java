package app.facet.core.dashboard;

import java.util.List;

/**
 * Counts of faces per bin of one measure.
 *
 * @param measure     what is counted, e.g. "overall quality score" (for titles)
 * @param bins        bins in ascending order
 * @param notMeasured faces for which the measure is not stored (null in the catalog)
 */
public record Histogram(String measure, List<Bin> bins, long notMeasured) {
    public Histogram {
        bins = List.copyOf(bins);
    }

    /**
     * One bin: values {@code from <= v < to} (the last bin includes its upper end).
     *
     * @param label e.g. "0.3–0.4" or "24–32 px"
     */
    public record Bin(String label, double from, double to, long count) {
    }

    public long total() {
        return bins.stream().mapToLong(Bin::count).sum();
    }
}
