package app.facet.app.desktop;

import app.facet.core.analysis.AnalyzerConfig;
import app.facet.core.analysis.OpenCvPhotoAnalyzer;
import app.facet.core.analysis.PhotoAnalyzer;

import java.nio.file.Path;

/** Creates the face analyzer (detector + embedding model) from a models folder. Slow: call off the UI thread. */
@FunctionalInterface
public interface AnalyzerFactory {
    PhotoAnalyzer create(Path modelsDir);

    /**
     * The OpenCV/ONNX analyzer with default settings; model SHA-256 checks are cached in the models folder.
     *
     * @param embeddingModelId embedding model to use, or null to pick the production model whose file is present
     */
    static AnalyzerFactory standard(String embeddingModelId) {
        return modelsDir -> new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(modelsDir)
                .withEmbeddingModelId(embeddingModelId)
                .withHashCacheFile(modelsDir.resolve(".sha256-cache.json")));
    }
}
