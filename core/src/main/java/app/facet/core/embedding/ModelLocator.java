package app.facet.core.embedding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds verified model files in the model folder. A file counts only when it exists and its SHA-256 equals
 * the one in its description (a renamed, truncated or different model is never loaded under a wrong id).
 * Thread-safe.
 */
public final class ModelLocator {

    /** Environment variable naming the model folder when no explicit folder is given. */
    public static final String ENV_MODELS = "FACET_MODELS";

    private final Path folder;
    private final ModelDescriptions descriptions;
    private final FileHashCache hashes;

    /**
     * @param folder       the model folder (see {@link #resolveFolder})
     * @param descriptions the known models, usually {@link ModelDescriptions#shipped()}
     * @param hashes       hash cache (e.g. {@code new FileHashCache(libraryDir.resolve("models/.sha256-cache.json"))})
     */
    public ModelLocator(Path folder, ModelDescriptions descriptions, FileHashCache hashes) {
        this.folder = folder.toAbsolutePath().normalize();
        this.descriptions = descriptions;
        this.hashes = hashes;
    }

    /**
     * The model folder: the explicit folder (CLI {@code --models}) when given, else the environment variable
     * {@value #ENV_MODELS} when set and non-blank, else {@code libraryDir/models}.
     *
     * @param explicit   folder from the command line, or null
     * @param env        environment, e.g. {@code System.getenv()}
     * @param libraryDir library folder (LibraryLocation's DIR)
     */
    public static Path resolveFolder(Path explicit, Map<String, String> env, Path libraryDir) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV_MODELS);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return libraryDir.resolve("models").toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    public ModelDescriptions descriptions() {
        return descriptions;
    }

    /** @return the verified file of one described model, or why it cannot be used */
    public <D extends ModelFileDescription> ModelLookup<D> locate(D description) {
        Path file = folder.resolve(description.file());
        if (!Files.isRegularFile(file)) {
            return ModelLookup.unavailable("The model file " + description.file() + " (" + description.id() + ") is not in " + folder + ".");
        }
        String actual;
        try {
            actual = hashes.sha256(file);
        } catch (IOException e) {
            return ModelLookup.unavailable("The model file " + file + " cannot be read: " + e.getMessage() + ".");
        }
        if (!actual.equals(description.sha256())) {
            return ModelLookup.unavailable("The model file " + file + " has SHA-256 " + actual + ", not the expected "
                    + description.sha256() + " of " + description.id() + ", so it is not used.");
        }
        return ModelLookup.found(new LocatedModel<>(description, file, actual));
    }

    /**
     * Chooses the embedding model. An explicit id wins (test-only models are allowed then); without one, the
     * first non-test-only described model whose verified file is present is used.
     *
     * @param explicitId model id from the command line ({@code --embedding-model}), or null
     */
    public ModelLookup<EmbeddingModelDescription> findEmbeddingModel(String explicitId) {
        if (explicitId != null) {
            Optional<EmbeddingModelDescription> d = descriptions.embeddingModel(explicitId);
            if (d.isEmpty()) {
                return ModelLookup.unavailable("No embedding model is described with id '" + explicitId + "' (known: "
                        + String.join(", ", descriptions.embeddingModels().stream().map(EmbeddingModelDescription::id).toList()) + ").");
            }
            return locate(d.get());
        }
        List<String> reasons = new ArrayList<>();
        for (EmbeddingModelDescription d : descriptions.embeddingModels()) {
            if (d.testOnly()) {
                continue;
            }
            ModelLookup<EmbeddingModelDescription> lookup = locate(d);
            if (lookup.model() != null) {
                return lookup;
            }
            reasons.add(lookup.unavailableReason());
        }
        return ModelLookup.unavailable(reasons.isEmpty()
                ? "No embedding model may be auto-selected (only test models are described), so faces are not embedded."
                : "No embedding model is available (" + String.join("; ", reasons.stream().map(r -> r.substring(0, r.length() - 1)).toList())
                + "), so faces are detected and cropped but not embedded.");
    }

    /** @return the verified YuNet detector file, or why it cannot be used */
    public ModelLookup<DetectorModelDescription> findYuNet() {
        return locate(descriptions.yunet());
    }
}
