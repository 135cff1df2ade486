package app.facet.core.analysis;

import app.facet.core.detection.ScaleConsistencyVerifier;
import app.facet.core.detection.ScaledDetection;
import app.facet.core.imaging.EncodedPhotoReader;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of {@link OpenCvPhotoAnalyzer}.
 *
 * @param modelFolder          folder holding model files (see {@code ModelLocator.resolveFolder}: --models, FACET_MODELS, DIR/models)
 * @param embeddingModelId     embedding model id to use (--embedding-model), or null to auto-select a non-test model
 * @param scoreThreshold       minimum YuNet detection score, in [0, 1] (default 0.8: models/README.md)
 * @param certainScore         YuNet scores at or above this skip the verification stage (default 0.9)
 * @param detectionSize        long side of the image YuNet sees, pixels; 0 = full resolution (default 1280)
 * @param pixelLimit           largest accepted width x height; larger files are refused before decoding (default 100 MP)
 * @param hashCacheFile        JSON file caching model SHA-256 checks, or null for memory only
 * @param singleThreadedNative true: OpenCV and ONNX Runtime use one thread each, so N scan workers use N cores
 *                             without oversubscription (docs/PERFORMANCE.md); false: the libraries' own defaults
 * @param builtInDetector      true (default): without a verified YuNet file in the model folder, use the YuNet copy
 *                             built into the application; false: fall back to the Haar cascade instead
 */
public record AnalyzerConfig(Path modelFolder, String embeddingModelId, double scoreThreshold, double certainScore,
                             int detectionSize, long pixelLimit, Path hashCacheFile, boolean singleThreadedNative,
                             boolean builtInDetector) {

    public static final double DEFAULT_SCORE_THRESHOLD = 0.8;

    public AnalyzerConfig {
        Objects.requireNonNull(modelFolder, "modelFolder");
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1) || !(certainScore >= scoreThreshold && certainScore <= 1)) {
            throw new IllegalArgumentException("need 0 <= scoreThreshold <= certainScore <= 1, got " + scoreThreshold + ", " + certainScore);
        }
        if (detectionSize < 0 || (detectionSize > 0 && detectionSize < 160)) {
            throw new IllegalArgumentException("detection size must be 0 (full) or at least 160 px, got " + detectionSize);
        }
        if (pixelLimit <= 0) {
            throw new IllegalArgumentException("pixel limit must be positive, got " + pixelLimit);
        }
    }

    /** Defaults for everything but the model folder. */
    public static AnalyzerConfig defaults(Path modelFolder) {
        return new AnalyzerConfig(modelFolder, null, DEFAULT_SCORE_THRESHOLD, ScaleConsistencyVerifier.DEFAULT_CERTAIN_SCORE,
                ScaledDetection.DEFAULT_DETECTION_SIZE, EncodedPhotoReader.DEFAULT_PIXEL_LIMIT, null, true, true);
    }

    public AnalyzerConfig withEmbeddingModelId(String id) {
        return new AnalyzerConfig(modelFolder, id, scoreThreshold, certainScore, detectionSize, pixelLimit, hashCacheFile, singleThreadedNative, builtInDetector);
    }

    public AnalyzerConfig withScoreThreshold(double t) {
        return new AnalyzerConfig(modelFolder, embeddingModelId, t, Math.max(t, certainScore), detectionSize, pixelLimit, hashCacheFile, singleThreadedNative, builtInDetector);
    }

    public AnalyzerConfig withCertainScore(double s) {
        return new AnalyzerConfig(modelFolder, embeddingModelId, scoreThreshold, s, detectionSize, pixelLimit, hashCacheFile, singleThreadedNative, builtInDetector);
    }

    public AnalyzerConfig withDetectionSize(int size) {
        return new AnalyzerConfig(modelFolder, embeddingModelId, scoreThreshold, certainScore, size, pixelLimit, hashCacheFile, singleThreadedNative, builtInDetector);
    }

    public AnalyzerConfig withPixelLimit(long limit) {
        return new AnalyzerConfig(modelFolder, embeddingModelId, scoreThreshold, certainScore, detectionSize, limit, hashCacheFile, singleThreadedNative, builtInDetector);
    }

    public AnalyzerConfig withHashCacheFile(Path file) {
        return new AnalyzerConfig(modelFolder, embeddingModelId, scoreThreshold, certainScore, detectionSize, pixelLimit, file, singleThreadedNative, builtInDetector);
    }

    public AnalyzerConfig withSingleThreadedNative(boolean single) {
        return new AnalyzerConfig(modelFolder, embeddingModelId, scoreThreshold, certainScore, detectionSize, pixelLimit, hashCacheFile, single, builtInDetector);
    }

    public AnalyzerConfig withBuiltInDetector(boolean builtIn) {
        return new AnalyzerConfig(modelFolder, embeddingModelId, scoreThreshold, certainScore, detectionSize, pixelLimit, hashCacheFile, singleThreadedNative, builtIn);
    }
}
