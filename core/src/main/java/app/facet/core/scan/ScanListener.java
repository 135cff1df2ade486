package app.facet.core.scan;

/**
 * Receives progress from a running scan. Called from scan threads (never the UI thread): implementations
 * hand the values over to their own thread. Calls are rate-limited by the caller's choice, not by the scan.
 */
@FunctionalInterface
public interface ScanListener {
    void onProgress(ScanProgress progress);

    ScanListener NONE = p -> { };
}
