package app.facet.core.library;

import java.util.function.Supplier;

import app.facet.core.analysis.AnalyzerConfig;
import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;

/**
 * One open Facet library: its catalog, the folder its face models come from, the face analyzer (built on first use)
 * and the people services. The command line and the desktop app both open libraries here, so both find models the
 * same way ({@link ModelFolder}), check their SHA-256 through the same cache, and load them the same way.
 * <p>
 * Opening is quick: it opens (creating and migrating if needed) the catalog and loads no model. Thread-safe.
 * Close it when done: that closes the analyzer if it was built (the catalog holds no open connection).
 */
public final class FacetLibrary implements AutoCloseable {
    private final Catalog catalog;
    private final ModelFolder models;
    private final LazyPhotoAnalyzer analyzer;
    private PeopleServices people;

    private FacetLibrary(Catalog catalog, ModelFolder models, LazyPhotoAnalyzer analyzer) {
        this.catalog = catalog;
        this.models = models;
        this.analyzer = analyzer;
    }

    /**
     * Opens the library at {@code location}, creating its folder and catalog when there is none.
     *
     * @param modelOptions where the face models are and which embedding model to use ({@link ModelOptions#DEFAULTS}
     *                     for commands that need no models)
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be created, opened or migrated
     */
    public static FacetLibrary open(LibraryLocation location, ModelOptions modelOptions) {
        return open(location, modelOptions, () -> null);
    }

    /**
     * As {@link #open(LibraryLocation, ModelOptions)}, with the embedding model the user chose in the window: asked
     * each time the models (re)load, used when {@code modelOptions} names none.
     *
     * @param chosenEmbeddingModel the chosen embedding model id, or null for the production model whose file is present
     */
    public static FacetLibrary open(LibraryLocation location, ModelOptions modelOptions, Supplier<String> chosenEmbeddingModel) {
        Catalog catalog = Catalog.open(location);
        ModelFolder folder = ModelFolder.of(location, modelOptions);
        Supplier<String> modelId = () -> modelOptions.embeddingModelId() != null ? modelOptions.embeddingModelId()
                : chosenEmbeddingModel.get();
        return new FacetLibrary(catalog, folder, new LazyPhotoAnalyzer(
                () -> AnalyzerConfig.defaults(folder.path()).withEmbeddingModelId(modelId.get()), folder::locator));
    }

    /**
     * The face analyzer for a library that does not exist yet (a dry run), opening no catalog and creating nothing in
     * the library folder; the caller closes it. Models load on first use, as with {@link #analyzer()}.
     */
    public static PhotoAnalyzer analyzerWithoutCatalog(LibraryLocation location, ModelOptions modelOptions) {
        ModelFolder folder = ModelFolder.of(location, modelOptions);
        return new LazyPhotoAnalyzer(
                () -> AnalyzerConfig.defaults(folder.path()).withEmbeddingModelId(modelOptions.embeddingModelId()), folder::locator);
    }

    /** Drops the loaded models so the next analysis loads them again (after a model was downloaded or chosen). Call while no scan runs. */
    public void reloadModels() {
        analyzer.reload();
    }

    public LibraryLocation location() {
        return catalog.location();
    }

    public Catalog catalog() {
        return catalog;
    }

    /** @return the folder the face models are read from (it need not exist) */
    public ModelFolder models() {
        return models;
    }

    /**
     * The OpenCV/ONNX Runtime face analyzer over {@link #models()}. The models load on its first use (seconds; call
     * that off a UI thread): then a model that cannot be loaded throws {@code IllegalStateException} or
     * {@code IllegalArgumentException}, a missing or unverified model means the Haar fallback or no embeddings (see
     * {@link PhotoAnalyzer#embeddingUnavailableReason()}). Safe to use from many threads; closed with the library.
     */
    public PhotoAnalyzer analyzer() {
        return analyzer;
    }

    /** @return the people services of this library, created once, sharing one undo history */
    public synchronized PeopleServices people() {
        if (people == null) {
            people = PeopleServices.over(catalog);
        }
        return people;
    }

    /** Closes the analyzer if it was built. Call only after every use of {@link #analyzer()} has returned. */
    @Override
    public void close() {
        analyzer.close();
    }
}
