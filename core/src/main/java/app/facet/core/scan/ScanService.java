package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;

/**
 * Scans folders into the catalog: walk, catalogue (incremental, move-aware), analyse pending photos on a
 * bounded executor, and write every result through the single catalog writer thread.
 */
public final class ScanService {
    private final Catalog catalog;
    private final PhotoAnalyzer analyzer;

    public ScanService(Catalog catalog, PhotoAnalyzer analyzer) {
        this.catalog = catalog;
        this.analyzer = analyzer;
    }

    /**
     * Runs one scan to the end, or until {@code cancellation} is set (then every photo is either fully
     * written or left pending for the next run). Blocks the calling thread: run it on a background thread.
     *
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be written at all
     * @throws IllegalArgumentException when a root is not a readable folder
     */
    public ScanSummary scan(ScanOptions options, ScanListener listener, Cancellation cancellation) {
        throw new UnsupportedOperationException("being written");
    }
}
