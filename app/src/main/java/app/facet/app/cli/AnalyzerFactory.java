package app.facet.app.cli;

import app.facet.core.analysis.AnalyzerConfig;
import app.facet.core.analysis.OpenCvPhotoAnalyzer;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.embedding.ModelLocator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the OpenCV/ONNX face analyzer from {@code --models} / $FACET_MODELS / LIBRARY/models and {@code --embedding-model}. */
public final class AnalyzerFactory {
    private AnalyzerFactory() {
    }

    public static PhotoAnalyzer create(LibraryLocation library, ModelOptions options) {
        Path folder = ModelLocator.resolveFolder(options.modelsDir(), System.getenv(), library.root());
        if (options.modelsDir() != null && !Files.isDirectory(folder)) {
            throw new UserError("Models folder not found: " + folder + ".");
        }
        AnalyzerConfig config = AnalyzerConfig.defaults(folder).withEmbeddingModelId(options.embeddingModel());
        try {
            return new OpenCvPhotoAnalyzer(config);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
