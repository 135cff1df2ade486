package app.facet.app.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --models DIR} and {@code --embedding-model ID}: where face models come from ({@code --models DIR}, else $FACET_MODELS, else the library's models folder) and which embedding model to use. */
public final class ModelOptions {
    @Option(names = "--models", paramLabel = "DIR",
            description = "Folder holding the face models (YuNet detector, embedding model). Default: $FACET_MODELS, else LIBRARY/models.")
    Path models;

    @Option(names = "--embedding-model", paramLabel = "ID",
            description = "Embedding model id (see `facet models list`). Default: the production model whose file is present.")
    String embeddingModel;

    public Path modelsDir() {
        return models;
    }

    public String embeddingModel() {
        return embeddingModel;
    }

    /** @return the options as core takes them when opening a library */
    public app.facet.core.library.ModelOptions options() {
        return new app.facet.core.library.ModelOptions(models, embeddingModel);
    }
}
