package app.facet.core.embedding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The model descriptions shipped with Facet (JSON resources read with Jackson; unknown fields are an error so a typo
 * cannot silently drop a setting). Production default first.
 */
public final class ModelDescriptions {

    /** Embedding model descriptions, in auto-selection preference order. */
    static final List<String> EMBEDDING_RESOURCES = List.of("models/sface-2021dec.json", "models/mobilefacenet.json");
    static final String YUNET_RESOURCE = "detectors/yunet-2023mar.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final List<EmbeddingModelDescription> embeddingModels;
    private final DetectorModelDescription yunet;

    private ModelDescriptions(List<EmbeddingModelDescription> embeddingModels, DetectorModelDescription yunet) {
        this.embeddingModels = List.copyOf(embeddingModels);
        this.yunet = yunet;
    }

    /** @throws UncheckedIOException when a shipped description is missing or malformed (a build defect) */
    public static ModelDescriptions shipped() {
        return new ModelDescriptions(EMBEDDING_RESOURCES.stream().map(r -> read(r, EmbeddingModelDescription.class)).toList(),
                read(YUNET_RESOURCE, DetectorModelDescription.class));
    }

    /** @return a set of descriptions for tests or custom deployments */
    public static ModelDescriptions of(List<EmbeddingModelDescription> embeddingModels, DetectorModelDescription yunet) {
        return new ModelDescriptions(embeddingModels, yunet);
    }

    /** Parses one embedding model description. */
    public static EmbeddingModelDescription parseEmbedding(InputStream json) throws IOException {
        return JSON.readValue(json, EmbeddingModelDescription.class);
    }

    public List<EmbeddingModelDescription> embeddingModels() {
        return embeddingModels;
    }

    public Optional<EmbeddingModelDescription> embeddingModel(String id) {
        return embeddingModels.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public DetectorModelDescription yunet() {
        return yunet;
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = ModelDescriptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource not found");
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model description " + resource + ": " + e.getMessage(), e);
        }
    }
}
