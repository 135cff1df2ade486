package app.facet.core.scan;

import app.facet.core.catalog.LibraryLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A dry run for a library that has no catalog yet: every supported file found would be new and analysed. Reads the
 * folders only; creates no catalog, no managed folder, nothing at all (opening a catalog would create both).
 */
public final class NewLibraryPreview {
    private final LibraryLocation library;

    public NewLibraryPreview(LibraryLocation library) {
        this.library = library;
    }

    /**
     * @param detector       detector description for the summary
     * @param embeddingModel embedding model id, or null
     * @param embeddingNote  why there is no embedding model, or null
     * @return a dry-run summary: photos seen = new = would analyse
     * @throws IllegalArgumentException when a root is not an existing folder
     */
    public ScanSummary preview(ScanOptions options, String detector, String embeddingModel, String embeddingNote,
                               ScanListener listener, Cancellation cancellation) {
        long started = System.nanoTime();
        List<Path> roots = options.roots().stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path r : roots) {
            if (!Files.isDirectory(r)) {
                throw new IllegalArgumentException("Folder not found: " + r);
            }
        }
        listener.onProgress(new ScanProgress(ScanPhase.WALKING, 0, -1, 0, null));
        long seen = new FolderWalker(List.of(library.root())).walk(roots, count -> { }, cancellation).size();
        return new ScanSummary(0, cancellation.isCancelled() ? "cancelled" : "completed", true, seen, seen, 0, 0, 0, 0, 0, 0,
                Map.of(), 0, seen, 0, 0, 0, detector, embeddingModel, embeddingNote, Duration.ofNanos(System.nanoTime() - started), 0, 0);
    }
}
