package app.facet.app.desktop;

import app.facet.core.analysis.AnalyzedFace;
import app.facet.core.analysis.PhotoAnalysis;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.model.BoundingBox;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Creates the real analyzer on first use (loading ONNX and OpenCV models takes seconds), so that opening a library
 * and browsing it never waits for models. Thread-safe; closing closes the real analyzer if it was created.
 */
final class LazyPhotoAnalyzer implements PhotoAnalyzer {
    private static final long LOADER_STACK_BYTES = 16L << 20;

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
                    d = createOnLargeStack();
                    delegate = d;
                }
            }
        }
        return d;
    }

    /**
     * Loading the embedding model into ONNX Runtime needs 0.8-1 MB of thread stack, right at the JVM's default of 1 MB:
     * a little more stack in use (a longer classpath was enough) and the JVM dies with SIGSEGV and no error report
     * (onnxruntime 1.29, measured here: 768 KB always crashes, 2 MB never). So the analyzer is created on a thread
     * with a large stack.
     */
    private PhotoAnalyzer createOnLargeStack() {
        AtomicReference<PhotoAnalyzer> created = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread loader = new Thread(null, () -> {
            try {
                created.set(factory.get());
            } catch (RuntimeException | Error e) {
                failed.set(e);
            }
        }, "facet-analyzer-load", LOADER_STACK_BYTES);
        loader.start();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the face models.", e);
        }
        Throwable t = failed.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return created.get();
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
