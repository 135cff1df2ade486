package app.facet.core.library;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.analysis.AnalyzerConfig;
import app.facet.core.catalog.ContentHash;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.PhotoStore;
import app.facet.core.catalog.Tx;
import app.facet.core.embedding.DetectorModelDescription;
import app.facet.core.embedding.FileHashCache;
import app.facet.core.embedding.ModelDescriptions;
import app.facet.core.embedding.ModelLocator;
import app.facet.core.scan.Cancellation;
import app.facet.core.scan.ScanListener;
import app.facet.core.scan.ScanPhase;
import app.facet.core.scan.ScanOptions;
import app.facet.core.scan.ScanService;
import app.facet.core.scan.ScanSummary;
import app.facet.core.testing.SharedMaterial;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening a library the one way both the command line and the desktop app use, over a real catalog and real models. */
class FacetLibraryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YUNET_SHA = "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4";
    private static final String MOBILEFACENET_SHA = "0c9ad2a83969fc82155706f7020e6926b4a1a90a5476fff4a5588dfe207f64a4";

    @TempDir
    Path tmp;

    @Test
    void modelsFolderIsTheOptionElseTheEnvironmentElseTheLibrarysOwn() {
        LibraryLocation library = new LibraryLocation(tmp.resolve("lib"));
        Map<String, String> env = Map.of("FACET_MODELS", tmp.resolve("from-env").toString());

        assertThat(ModelFolder.of(library, new ModelOptions(tmp.resolve("explicit"), null), env).path()).isEqualTo(tmp.resolve("explicit"));
        assertThat(ModelFolder.of(library, ModelOptions.DEFAULTS, env).path()).isEqualTo(tmp.resolve("from-env"));
        assertThat(ModelFolder.of(library, ModelOptions.DEFAULTS, Map.of()).path()).isEqualTo(tmp.resolve("lib/models"));
    }

    @Test
    void analyzerIsBuiltOnFirstUseAndModelHashesAreCachedInTheModelsFolder() throws Exception {
        Path models = copyModels();
        ModelOptions options = new ModelOptions(models, "mobilefacenet");
        Path cache = models.resolve(ModelFolder.HASH_CACHE_FILE);

        try (FacetLibrary library = FacetLibrary.open(new LibraryLocation(tmp.resolve("lib")), options)) {
            assertThat(library.location().catalogFile()).exists();
            assertThat(cache).as("opening loads no model").doesNotExist();

            PhotoAnalyzer analyzer = library.analyzer();
            assertThat(analyzer.detectorId()).isEqualTo("yunet-2023mar");
            assertThat(analyzer.embeddingModelId()).contains("mobilefacenet");
        }
        assertThat(readCache(cache)).containsOnly(
                Map.entry(key(models.resolve("face_detection_yunet_2023mar.onnx")), YUNET_SHA),
                Map.entry(key(models.resolve("mobilefacenet.onnx")), MOBILEFACENET_SHA));
    }

    @Test
    void theNextOpenTrustsTheCacheInsteadOfHashingAgain() throws Exception {
        Path models = copyModels();
        ModelOptions options = new ModelOptions(models, "mobilefacenet");
        LibraryLocation location = new LibraryLocation(tmp.resolve("lib"));
        try (FacetLibrary library = FacetLibrary.open(location, options)) {
            assertThat(library.analyzer().embeddingModelId()).contains("mobilefacenet");
        }
        // a hash only the cache can know: the locator believes it, so the file was not hashed again
        Path cache = models.resolve(ModelFolder.HASH_CACHE_FILE);
        Map<String, String> entries = readCache(cache);
        String planted = "0".repeat(64);
        entries.put(key(models.resolve("mobilefacenet.onnx")), planted);
        JSON.writeValue(cache.toFile(), entries);

        try (FacetLibrary again = FacetLibrary.open(location, options)) {
            assertThat(again.analyzer().embeddingModelId()).isEmpty();
            assertThat(again.analyzer().embeddingUnavailableReason()).hasValueSatisfying(r -> assertThat(r).contains(planted));
        }
    }

    @Test
    void peopleServicesAreMadeOncePerLibrary() {
        try (FacetLibrary library = FacetLibrary.open(new LibraryLocation(tmp.resolve("lib")), ModelOptions.DEFAULTS)) {
            assertThat(library.people()).isSameAs(library.people());
            assertThat(library.people().people().listPeople(true)).isEmpty();
        }
    }

    @Test
    void aScanWithNothingToAnalyseLoadsNoModelAndAScanWithAPhotoDoes() throws Exception {
        Path models = copyModels();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path one = Files.createDirectories(tmp.resolve("one"));
        Files.copy(SharedMaterial.photo("people/joe_biden/biden.jpg"), one.resolve("biden.jpg"));
        try (FacetLibrary library = FacetLibrary.open(new LibraryLocation(tmp.resolve("lib")), new ModelOptions(models, "mobilefacenet"))) {
            LazyPhotoAnalyzer analyzer = (LazyPhotoAnalyzer) library.analyzer();
            ScanService scans = new ScanService(library.catalog(), analyzer);

            ScanSummary nothing = scans.scan(new ScanOptions(List.of(empty), false, 0, 2, false, true), ScanListener.NONE, new Cancellation());

            assertThat(nothing.detector()).isEqualTo("YuNet 2023mar (OpenCV DNN)");
            assertThat(nothing.embeddingModel()).isEqualTo("mobilefacenet");
            assertThat(analyzer.loaded()).as("nothing to analyse: no model loaded").isFalse();

            ScanSummary scanned = scans.scan(new ScanOptions(List.of(one), false, 0, 2, false, true), ScanListener.NONE, new Cancellation());

            assertThat(analyzer.loaded()).isTrue();
            assertThat(scanned.photosAnalysed()).isEqualTo(1);
            assertThat(scanned.facesFound()).isEqualTo(1);
            assertThat(scanned.detector()).isEqualTo(nothing.detector());
            assertThat(analyzer.embeddingModelSha256()).contains(MOBILEFACENET_SHA);
        }
    }

    /** Issue 14: models load in parallel with the walk's hashing of new photos, not after it. */
    @Test
    void aScanOfNewPhotosStartsLoadingTheModelsWhileItHashesThem() throws Exception {
        Path models = copyModels();
        Path photos = Files.createDirectories(tmp.resolve("new"));
        Files.copy(SharedMaterial.photo("people/joe_biden/biden.jpg"), photos.resolve("biden.jpg"));
        Files.copy(SharedMaterial.photo("groups/two_people.jpg"), photos.resolve("two_people.jpg"));
        try (FacetLibrary library = FacetLibrary.open(new LibraryLocation(tmp.resolve("lib")), new ModelOptions(models, "mobilefacenet"))) {
            LazyPhotoAnalyzer analyzer = (LazyPhotoAnalyzer) library.analyzer();
            List<Boolean> loadingWhileHashing = new CopyOnWriteArrayList<>();
            // the first "all hashed" progress comes from the hashing itself, before the plan is made
            ScanListener listener = p -> {
                if (p.phase() == ScanPhase.CATALOGUING && p.done() == p.total() && loadingWhileHashing.isEmpty()) {
                    loadingWhileHashing.add(analyzer.loaded() || Thread.getAllStackTraces().keySet().stream()
                            .anyMatch(t -> t.getName().equals("facet-model-load") && t.isAlive()));
                }
            };

            ScanSummary scanned = new ScanService(library.catalog(), analyzer)
                    .scan(new ScanOptions(List.of(photos), false, 0, 2, false, true), listener, new Cancellation());

            assertThat(loadingWhileHashing).as("the last hashing progress saw the models loading or loaded").containsExactly(true);
            assertThat(scanned.photosAnalysed()).isEqualTo(2);
        }
    }

    @Test
    void modelsThatCannotBeLoadedStopTheScanAndLeaveItsPhotosPendingNotFailed() throws Exception {
        // a YuNet file that passes its SHA-256 check but is no ONNX model: OpenCV refuses it when it loads
        Path models = Files.createDirectories(tmp.resolve("broken-models"));
        Path broken = Files.writeString(models.resolve("broken_yunet.onnx"), "not an onnx model\n".repeat(100));
        DetectorModelDescription yunet = new DetectorModelDescription("yunet-2023mar", "broken_yunet.onnx", ContentHash.of(broken),
                Files.size(broken), "https://example.invalid/broken_yunet.onnx", "test");
        ModelDescriptions descriptions = ModelDescriptions.of(List.of(), yunet);
        Path one = Files.createDirectories(tmp.resolve("one"));
        Files.copy(SharedMaterial.photo("people/joe_biden/biden.jpg"), one.resolve("biden.jpg"));
        try (FacetLibrary library = FacetLibrary.open(new LibraryLocation(tmp.resolve("lib")), ModelOptions.DEFAULTS);
             LazyPhotoAnalyzer analyzer = new LazyPhotoAnalyzer(() -> AnalyzerConfig.defaults(models),
                     () -> new ModelLocator(models, descriptions, FileHashCache.inMemory()))) {
            assertThat(analyzer.detectorId()).as("chosen from the verified file, before loading").isEqualTo("yunet-2023mar");
            ScanService scans = new ScanService(library.catalog(), analyzer);

            assertThatThrownBy(() -> scans.scan(new ScanOptions(List.of(one), false, 0, 2, false, true), ScanListener.NONE, new Cancellation()))
                    .isInstanceOf(RuntimeException.class);

            assertThat(Tx.read(library.catalog(), "failed photos", PhotoStore::failureReasons)).isEmpty();
            assertThat(Tx.read(library.catalog(), "pending photos", PhotoStore::pending)).hasSize(1);
        }
    }

    private Path copyModels() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models"));
        for (String file : new String[]{"face_detection_yunet_2023mar.onnx", "mobilefacenet.onnx"}) {
            Files.copy(SharedMaterial.models().resolve(file), models.resolve(file));
        }
        return models;
    }

    /** The cache key: absolute path, size in bytes, modification time in ms (see FileHashCache). */
    private static String key(Path file) throws Exception {
        return file.toAbsolutePath().normalize() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
    }

    private static Map<String, String> readCache(Path cache) throws Exception {
        return new TreeMap<>(JSON.readValue(cache.toFile(), new TypeReference<Map<String, String>>() { }));
    }
}
