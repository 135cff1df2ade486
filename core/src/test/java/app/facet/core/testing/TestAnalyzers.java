package app.facet.core.testing;

import app.facet.core.analysis.AnalyzerConfig;
import app.facet.core.analysis.OpenCvPhotoAnalyzer;

/** The real analyzer over ../shared/models: YuNet plus the test embedding model (mobilefacenet). */
public final class TestAnalyzers {
    private TestAnalyzers() {
    }

    public static OpenCvPhotoAnalyzer withEmbeddings() {
        return new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(SharedMaterial.models()).withEmbeddingModelId("mobilefacenet"));
    }
}
