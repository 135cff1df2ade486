package app.facet.core.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * What one scan should do.
 *
 * @param roots   folders to scan recursively (absolute or relative to the working directory)
 * @param dryRun  walk and classify only: report what would be catalogued and analysed, write nothing
 * @param limit   analyse at most this many photos in this run (0 = no limit); the rest stay pending for the next run
 * @param threads analysis worker threads (decode/detect/embed), at least 1
 * @param retryFailed analyse every failed photo again, permanent failures (corrupt, too large) included; without it
 *                    only transient failures (unreadable, I/O) and failed photos whose size or mtime changed are
 * @param metadataFaces read the face regions other programs wrote (embedded XMP, sidecars) and take their names as
 *                      the user's decisions (docs/METADATA.md); false for {@code --no-metadata-faces}
 */
public record ScanOptions(List<Path> roots, boolean dryRun, int limit, int threads, boolean retryFailed, boolean metadataFaces) {
    public ScanOptions(List<Path> roots, boolean dryRun, int limit, int threads) {
        this(roots, dryRun, limit, threads, false);
    }

    public ScanOptions(List<Path> roots, boolean dryRun, int limit, int threads, boolean retryFailed) {
        this(roots, dryRun, limit, threads, retryFailed, true);
    }

    public ScanOptions {
        roots = List.copyOf(roots);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("Give at least one folder to scan.");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 (no limit) or more, got " + limit + ".");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads + ".");
        }
    }

    /** Defaults for a desktop scan: one worker per core. */
    public static ScanOptions of(List<Path> roots) {
        return new ScanOptions(roots, false, 0, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
