package app.facet.core.library;

import app.facet.core.catalog.LibraryLocation;
import app.facet.core.embedding.FileHashCache;
import app.facet.core.embedding.ModelDescriptions;
import app.facet.core.embedding.ModelLocator;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The folder a library's face models are read from, with the SHA-256 cache of its model files kept inside it
 * ({@value #HASH_CACHE_FILE}, keyed by absolute path, size and modification time), so a model is hashed once, not on
 * every start. The command line and the desktop app both find and verify models through {@link #locator()}.
 *
 * @param path absolute, normalised folder; it need not exist
 */
public record ModelFolder(Path path) {
    /** Name of the hash cache file inside the folder. */
    public static final String HASH_CACHE_FILE = ".sha256-cache.json";

    public ModelFolder {
        path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    /** The folder for a library: {@code options.modelsDir()}, else {@code $FACET_MODELS}, else {@code LIBRARY/models}. */
    public static ModelFolder of(LibraryLocation library, ModelOptions options) {
        return of(library, options, System.getenv());
    }

    /** As {@link #of(LibraryLocation, ModelOptions)} with the given environment instead of the process's. */
    public static ModelFolder of(LibraryLocation library, ModelOptions options, Map<String, String> env) {
        return new ModelFolder(ModelLocator.resolveFolder(options.modelsDir(), env, library.root()));
    }

    /** @return a locator over this folder with the shipped model descriptions and the folder's persistent hash cache */
    public ModelLocator locator() {
        return new ModelLocator(path, ModelDescriptions.shipped(), new FileHashCache(path.resolve(HASH_CACHE_FILE)));
    }
}
