package app.facet.app.desktop;

import app.facet.core.analysis.PhotoAnalyzer;

import java.nio.file.Path;

/** Creates the face analyzer (detector + embedding model) from a models folder. Slow: call off the UI thread. */
@FunctionalInterface
public interface AnalyzerFactory {
    PhotoAnalyzer create(Path modelsDir);

    /** The analyzer of this build. */
    static AnalyzerFactory standard() {
        return modelsDir -> {
            // Replaced by `new OpenCvPhotoAnalyzer(...)` when the vision branch is merged.
            throw new IllegalStateException("Face detection is not part of this build yet: the photo analyzer is still being written.");
        };
    }
}
