package app.facet.core.embedding;

import app.facet.core.catalog.ContentHash;
import app.facet.core.testing.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Model descriptions, the locator's SHA-256 rule, folder resolution, and the verifying downloader. */
class ModelFilesTest {

    private static final String MOBILEFACENET_SHA = "0c9ad2a83969fc82155706f7020e6926b4a1a90a5476fff4a5588dfe207f64a4";

    @TempDir
    Path dir;

    @Test
    void shippedDescriptionsLoad() {
        ModelDescriptions d = ModelDescriptions.shipped();

        EmbeddingModelDescription sface = d.embeddingModel("sface-2021dec").orElseThrow();
        assertThat(sface.testOnly()).isFalse();
        assertThat(sface.sha256()).isEqualTo("0ba9fbfa01b5270c96627c4ef784da859931e02f04419c829e83484087c34e79");
        assertThat(sface.sizeBytes()).isEqualTo(38_696_353L);
        assertThat(sface.url()).startsWith("https://").endsWith("/face_recognition_sface_2021dec.onnx");
        assertThat(sface.inputName()).isEqualTo("data");
        assertThat(sface.colorOrder()).isEqualTo(EmbeddingModelDescription.ColorOrder.RGB);
        assertThat(sface.mean()).isZero();
        assertThat(sface.scale()).isEqualTo(1.0);
        assertThat(sface.outputDimension()).isEqualTo(128);

        EmbeddingModelDescription mfn = d.embeddingModel("mobilefacenet").orElseThrow();
        assertThat(mfn.testOnly()).isTrue();
        assertThat(mfn.url()).isNull();
        assertThat(mfn.inputName()).isEqualTo("input");
        assertThat(mfn.mean()).isEqualTo(127.5);
        assertThat(mfn.scale()).isEqualTo(1 / 128.0);
        assertThat(mfn.thresholds().reviewSimilarity()).isLessThanOrEqualTo(mfn.thresholds().recogniseAutoSimilarity());

        assertThat(d.embeddingModels().get(0).id()).as("production default first").isEqualTo("sface-2021dec");
        assertThat(d.yunet().sha256()).isEqualTo("8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4");
    }

    @Test
    void malformedDescriptionIsRejected() throws Exception {
        String json;
        try (var in = ModelDescriptions.class.getResourceAsStream("models/mobilefacenet.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String typo = json.replace("\"inputName\"", "\"inputNmae\"");
        assertThat(typo).isNotEqualTo(json);
        assertThatThrownBy(() -> ModelDescriptions.parseEmbedding(new ByteArrayInputStream(typo.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("inputName");
        String extra = json.replace("\"testOnly\"", "\"colourOrder\": \"BGR\", \"testOnly\"");
        assertThatThrownBy(() -> ModelDescriptions.parseEmbedding(new ByteArrayInputStream(extra.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("colourOrder");
    }

    @Test
    void modelFolderPrecedence() {
        Path library = dir.resolve("lib");
        assertThat(ModelLocator.resolveFolder(dir.resolve("cli"), Map.of("FACET_MODELS", "/env"), library)).isEqualTo(dir.resolve("cli"));
        assertThat(ModelLocator.resolveFolder(null, Map.of("FACET_MODELS", "/env/models"), library)).isEqualTo(Path.of("/env/models"));
        assertThat(ModelLocator.resolveFolder(null, Map.of("FACET_MODELS", " "), library)).isEqualTo(library.resolve("models"));
        assertThat(ModelLocator.resolveFolder(null, Map.of(), library)).isEqualTo(library.resolve("models"));
    }

    @Test
    void explicitIdWinsAndTestModelsAreNeverAutoSelected() {
        ModelLocator locator = new ModelLocator(SharedMaterial.models(), ModelDescriptions.shipped(), FileHashCache.inMemory());

        ModelLookup<EmbeddingModelDescription> auto = locator.findEmbeddingModel(null);
        assertThat(auto.model()).isNull();
        assertThat(auto.unavailableReason()).contains("face_recognition_sface_2021dec.onnx").contains("not embedded");

        ModelLookup<EmbeddingModelDescription> explicit = locator.findEmbeddingModel("mobilefacenet");
        assertThat(explicit.model().description().id()).isEqualTo("mobilefacenet");
        assertThat(explicit.model().sha256()).isEqualTo(MOBILEFACENET_SHA);

        assertThat(locator.findEmbeddingModel("facenet512").unavailableReason()).contains("'facenet512'").contains("sface-2021dec");
    }

    @Test
    void fileWithWrongShaIsRefused() throws Exception {
        Path copy = Files.copy(SharedMaterial.models().resolve("mobilefacenet.onnx"), dir.resolve("mobilefacenet.onnx"));
        Files.write(copy, new byte[]{1, 2, 3}, StandardOpenOption.APPEND);
        ModelLocator locator = new ModelLocator(dir, ModelDescriptions.shipped(), FileHashCache.inMemory());

        ModelLookup<EmbeddingModelDescription> lookup = locator.findEmbeddingModel("mobilefacenet");

        assertThat(lookup.model()).isNull();
        assertThat(lookup.unavailableReason()).contains("SHA-256").contains(MOBILEFACENET_SHA).contains("not used");
    }

    @Test
    void hashCheckIsCachedPerFileSizeAndTime() throws Exception {
        Path file = Files.writeString(dir.resolve("m.onnx"), "weights v1");
        Path cacheFile = dir.resolve("cache/.sha256-cache.json");
        String first = new FileHashCache(cacheFile).sha256(file);
        assertThat(first).isEqualTo(ContentHash.of(file));
        assertThat(Files.readString(cacheFile)).contains(first);

        // a new process reads the persisted result
        assertThat(new FileHashCache(cacheFile).sha256(file)).isEqualTo(first);

        Files.writeString(file, "weights v2, longer");
        assertThat(new FileHashCache(cacheFile).sha256(file)).as("changed size: recomputed").isNotEqualTo(first).isEqualTo(ContentHash.of(file));
    }

    @Test
    void downloaderVerifiesShaAndMovesIntoPlace() throws Exception {
        Path source = SharedMaterial.models().resolve("mobilefacenet.onnx");
        DetectorModelDescription described = new DetectorModelDescription("mobilefacenet", "mobilefacenet.onnx", MOBILEFACENET_SHA,
                Files.size(source), source.toUri().toString(), "test");
        Path target = dir.resolve("models");

        Path downloaded = new ModelDownloader(Duration.ofSeconds(10)).download(described, target);

        assertThat(downloaded).isEqualTo(target.resolve("mobilefacenet.onnx"));
        assertThat(ContentHash.of(downloaded)).isEqualTo(MOBILEFACENET_SHA);
        try (var files = Files.list(target)) {
            assertThat(files.toList()).as("no temporary file left").containsExactly(downloaded);
        }
        EmbeddingModelDescription mfn = ModelDescriptions.shipped().embeddingModel("mobilefacenet").orElseThrow();
        assertThat(new ModelLocator(target, ModelDescriptions.of(List.of(mfn), ModelDescriptions.shipped().yunet()), FileHashCache.inMemory())
                .findEmbeddingModel("mobilefacenet").model()).isNotNull();
    }

    @Test
    void downloaderDeletesAFileWithTheWrongSha() throws Exception {
        Path source = SharedMaterial.models().resolve("mobilefacenet.onnx");
        String wrong = "0".repeat(64);
        DetectorModelDescription described = new DetectorModelDescription("mobilefacenet", "mobilefacenet.onnx", wrong, null,
                source.toUri().toString(), "test");
        Path target = dir.resolve("models");

        ModelDownloadException e = catchThrowableOfType(ModelDownloadException.class,
                () -> new ModelDownloader(Duration.ofSeconds(10)).download(described, target));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("SHA-256").contains(MOBILEFACENET_SHA).contains(wrong).contains("deleted");
        try (var files = Files.list(target)) {
            assertThat(files.toList()).as("nothing left in the model folder").isEmpty();
        }
    }

    @Test
    void downloaderFailsClearlyWithoutUrlOrSource() {
        EmbeddingModelDescription mfn = ModelDescriptions.shipped().embeddingModel("mobilefacenet").orElseThrow();
        assertThatThrownBy(() -> new ModelDownloader(Duration.ofSeconds(5)).download(mfn, dir))
                .isInstanceOf(ModelDownloadException.class).hasMessageContaining("no download URL");

        DetectorModelDescription missing = new DetectorModelDescription("x", "x.onnx", MOBILEFACENET_SHA, null,
                dir.resolve("does-not-exist.onnx").toUri().toString(), "test");
        assertThatThrownBy(() -> new ModelDownloader(Duration.ofSeconds(5)).download(missing, dir.resolve("m")))
                .isInstanceOf(ModelDownloadException.class).hasMessageContaining("failed");
    }
}
