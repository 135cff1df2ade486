package app.facet.core.library;

import java.nio.file.Path;

/**
 * Which face models a library uses: the command line's {@code --models DIR} and {@code --embedding-model ID}, the
 * desktop app's start options.
 *
 * @param modelsDir        folder holding the model files, or null: {@code $FACET_MODELS} when set, else {@code LIBRARY/models}
 * @param embeddingModelId embedding model id (see {@code facet models list}), or null: the first production model whose
 *                         verified file is present
 */
public record ModelOptions(Path modelsDir, String embeddingModelId) {
    /** Every choice left to the environment and the library: no folder, no model id. */
    public static final ModelOptions DEFAULTS = new ModelOptions(null, null);
}
