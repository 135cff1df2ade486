package app.facet.core.library;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.model.BoundingBox;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates the real analyzer on first use (loading ONNX and OpenCV models takes seconds), so that opening a library
 * and browsing it never waits for models, and commands that read the catalog never load them. A failed creation is
 * not remembered: the next call tries again (the user may have added the model files meanwhile). Thread-safe; closing
 * closes the real analyzer if it was created.
 */
final class LazyPhotoAnalyzer implements PhotoAnalyzer {
    private final Supplier<PhotoAnalyzer> factory;
    private volatile PhotoAnalyzer delegate;

    LazyPhotoAnalyzer(Supplier<PhotoAnalyzer> factory) {
        this.factory = factory;
    }

    private PhotoAnalyzer get() {
        PhotoAnalyzer d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = factory.get();
                    delegate = d;
                }
            }
        }
        return d;
    }

    @Override
    public PhotoAnalysis analyze(Path photo) throws PhotoAnalysisException {
        return get().analyze(photo);
    }

    @Override
    public AnalyzedFace analyzeBox(Path photo, BoundingBox box) throws PhotoAnalysisException {
        return get().analyzeBox(photo, box);
    }

    @Override
    public String detectorId() {
        return get().detectorId();
    }

    @Override
    public Optional<String> embeddingModelId() {
        return get().embeddingModelId();
    }

    @Override
    public Optional<Integer> embeddingDimension() {
        return get().embeddingDimension();
    }

    @Override
    public Optional<String> embeddingModelSha256() {
        return get().embeddingModelSha256();
    }

    @Override
    public Optional<String> embeddingUnavailableReason() {
        return get().embeddingUnavailableReason();
    }

    @Override
    public String describeDetector() {
        return get().describeDetector();
    }

    /**
     * Drops the loaded analyzer so the next photo loads the models again (after a model was downloaded or chosen).
     * Call while no scan runs.
     */
    void reload() {
        close();
    }

    @Override
    public void close() {
        PhotoAnalyzer d;
        synchronized (this) {
            d = delegate;
            delegate = null;
        }
        if (d != null) {
            d.close();
        }
    }
}
