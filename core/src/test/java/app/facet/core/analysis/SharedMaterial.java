package app.facet.core.analysis;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared read-only photos and models (system property {@code facet.shared}, set by surefire). */
public final class SharedMaterial {

    private SharedMaterial() {
    }

    public static Path root() {
        String p = System.getProperty("facet.shared");
        Path root = p != null ? Path.of(p) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(root.resolve("photos"))) {
            throw new IllegalStateException("shared test material not found at " + root.toAbsolutePath()
                    + " (set -Dfacet.shared=/path/to/shared)");
        }
        return root.toAbsolutePath().normalize();
    }

    public static Path photos() {
        return root().resolve("photos");
    }

    public static Path photo(String relative) {
        return photos().resolve(relative);
    }

    public static Path models() {
        return root().resolve("models");
    }

    /** Analyzer on the shared models with the test embedding model (mobilefacenet), defaults otherwise. */
    public static OpenCvPhotoAnalyzer analyzerWithTestModel() {
        return new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(models()).withEmbeddingModelId("mobilefacenet"));
    }
}
