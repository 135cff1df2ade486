package app.facet.core.embedding;

import app.facet.core.testing.SharedMaterial;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ONNX Runtime runs from the copy of its native libraries in JavaCPP's user cache, not from a fresh 28 MB
 * extraction into a temporary folder per process (issue 14): the library mapped into this process is the cached file.
 */
class OnnxRuntimeNativesTest {

    @Test
    void theEmbedderRunsOnTheCachedNativeLibrary() throws Exception {
        ModelLocator locator = new ModelLocator(SharedMaterial.models(), ModelDescriptions.shipped(), FileHashCache.inMemory());
        try (OnnxEmbedder embedder = new OnnxEmbedder(locator.findEmbeddingModel("mobilefacenet").model(), 1)) {
            assertThat(embedder.dimension()).isPositive();
        }
        String folder = System.getProperty(OnnxRuntimeNatives.PATH_PROPERTY);
        assertThat(folder).as("ONNX Runtime's native path is set").isNotNull();
        Path cached = Path.of(folder).resolve(System.mapLibraryName("onnxruntime")).toRealPath();
        assertThat(cached).exists();
        String maps = Files.readString(Path.of("/proc/self/maps"));
        assertThat(maps).as("the mapped libonnxruntime is the cached copy")
                .contains(cached.toString())
                .doesNotContainPattern("/tmp/onnxruntime-java[^\\s]*libonnxruntime");
    }
}
