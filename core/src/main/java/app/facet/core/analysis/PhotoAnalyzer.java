package app.facet.core.analysis;

import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.model.BoundingBox;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Turns one photo file into its faces: decode (EXIF-oriented), detect, align, embed, measure quality,
 * render a display crop. Pure computation on the file: it never touches the catalog.
 * <p>
 * Thread-safe: scan workers call it concurrently (each thread gets its own OpenCV detector).
 */
public interface PhotoAnalyzer extends AutoCloseable {

    /**
     * @param photo an original photo file (JPEG, PNG, WebP, BMP, TIFF)
     * @return the oriented image's size, EXIF facts and every face found, coordinates in
     *         original-image pixels after EXIF orientation
     * @throws PhotoAnalysisException with a {@link PhotoAnalysisException.Reason} for any file that
     *         cannot be analysed (empty, truncated, not an image, too many pixels, unreadable)
     */
    PhotoAnalysis analyze(Path photo) throws PhotoAnalysisException;

    /**
     * Analyses one face in a box the user drew (manual crop editor): landmarks are re-detected inside
     * the box when a face is found there, the embedding and crop are computed from the original file.
     *
     * @param box bounding box in original-image pixels after EXIF orientation
     */
    AnalyzedFace analyzeBox(Path photo, BoundingBox box) throws PhotoAnalysisException;

    /** @return id of the detector in use, e.g. {@code yunet-2023mar} or {@code haar-frontalface-alt2} */
    String detectorId();

    /** @return id of the embedding model in use, empty when none could be loaded */
    Optional<String> embeddingModelId();

    /** @return dimension of the embedding model in use, empty when none */
    Optional<Integer> embeddingDimension();

    /** @return SHA-256 of the embedding model file in use, empty when none */
    Optional<String> embeddingModelSha256();

    /** @return why no embedding model is in use (one sentence), empty when one is */
    Optional<String> embeddingUnavailableReason();

    /** Human-readable line for logs and summaries, e.g. "YuNet 2023mar (OpenCV DNN)". */
    String describeDetector();

    /**
     * Starts loading the models on a background thread when this analyzer loads them on first use, so that the
     * loading overlaps the caller's other work; returns at once. A scan calls it once it knows some photo needs
     * analysis, and waits for the result before its first photo, so that models that cannot be loaded stop the scan
     * (as before) instead of failing every photo. Default: already loaded.
     *
     * @return completes when the models are loaded; completes exceptionally with the loading's
     *         {@code IllegalStateException} or {@code IllegalArgumentException} when they cannot be
     */
    default CompletableFuture<Void> loadInBackground() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    void close();
}
