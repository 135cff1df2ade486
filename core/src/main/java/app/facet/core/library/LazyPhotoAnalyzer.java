package app.facet.core.library;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.analysis.AnalyzerConfig;
import app.facet.core.analysis.AnalyzerIdentity;
import app.facet.core.analysis.OpenCvPhotoAnalyzer;
import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.embedding.ModelLocator;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.model.BoundingBox;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Creates the real analyzer on first use (loading ONNX and OpenCV models takes seconds), so that opening a library
 * and browsing it never waits for models, and commands that read the catalog never load them. Which detector and
 * embedding model will be used ({@link #detectorId()}, {@link #embeddingModelId()}, ...) is answered from the model
 * files alone ({@link AnalyzerIdentity}) until the models are loaded, so a scan with nothing to analyse loads none
 * (issue 14). A failed creation is not remembered: the next call tries again (the user may have added the model files
 * meanwhile). Thread-safe; closing closes the real analyzer if it was created.
 */
final class LazyPhotoAnalyzer implements PhotoAnalyzer {
    /** One configuration and locator, shared by the identity and the analyzer built from them. */
    private record Setup(AnalyzerConfig config, ModelLocator locator, AnalyzerIdentity identity) {
    }

    private final Supplier<AnalyzerConfig> config;
    private final Supplier<ModelLocator> locator;
    private Setup setup;
    private volatile PhotoAnalyzer delegate;
    private final Object loadingLock = new Object();
    private CompletableFuture<Void> loading;

    /**
     * @param config  the configuration, asked again after each {@link #reload()} (the chosen embedding model may change)
     * @param locator where the models are, asked again after each {@link #reload()}
     */
    LazyPhotoAnalyzer(Supplier<AnalyzerConfig> config, Supplier<ModelLocator> locator) {
        this.config = config;
        this.locator = locator;
    }

    private synchronized Setup setup() {
        if (setup == null) {
            AnalyzerConfig c = config.get();
            ModelLocator l = locator.get();
            setup = new Setup(c, l, AnalyzerIdentity.of(c, l));
        }
        return setup;
    }

    private PhotoAnalyzer get() {
        PhotoAnalyzer d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    Setup s = setup();
                    d = new OpenCvPhotoAnalyzer(s.config(), s.locator());
                    delegate = d;
                }
            }
        }
        return d;
    }

    /** @return true once the models are loaded (the real analyzer exists) */
    boolean loaded() {
        return delegate != null;
    }

    @Override
    public CompletableFuture<Void> loadInBackground() {
        synchronized (loadingLock) {
            if (delegate != null) {
                return CompletableFuture.completedFuture(null);
            }
            if (loading == null || loading.isCompletedExceptionally()) {
                CompletableFuture<Void> f = new CompletableFuture<>();
                Thread t = new Thread(() -> {
                    try {
                        get();
                        f.complete(null);
                    } catch (RuntimeException e) {
                        f.completeExceptionally(e);
                    }
                }, "facet-model-load");
                t.setDaemon(true);
                t.start();
                loading = f;
            }
            return loading;
        }
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
        PhotoAnalyzer d = delegate;
        return d != null ? d.detectorId() : setup().identity().detectorId();
    }

    @Override
    public Optional<String> embeddingModelId() {
        PhotoAnalyzer d = delegate;
        return d != null ? d.embeddingModelId() : setup().identity().embeddingModelId();
    }

    @Override
    public Optional<Integer> embeddingDimension() {
        PhotoAnalyzer d = delegate;
        return d != null ? d.embeddingDimension() : setup().identity().embeddingDimension();
    }

    @Override
    public Optional<String> embeddingModelSha256() {
        PhotoAnalyzer d = delegate;
        return d != null ? d.embeddingModelSha256() : setup().identity().embeddingModelSha256();
    }

    @Override
    public Optional<String> embeddingUnavailableReason() {
        PhotoAnalyzer d = delegate;
        return d != null ? d.embeddingUnavailableReason() : setup().identity().embeddingUnavailableReason();
    }

    @Override
    public String describeDetector() {
        PhotoAnalyzer d = delegate;
        return d != null ? d.describeDetector() : setup().identity().detectorDescription();
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
            setup = null;
        }
        synchronized (loadingLock) {
            loading = null;
        }
        if (d != null) {
            d.close();
        }
    }
}
