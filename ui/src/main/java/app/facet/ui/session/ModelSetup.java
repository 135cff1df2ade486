package app.facet.ui.session;

import app.facet.core.embedding.ModelDownloadException;
import app.facet.core.embedding.ModelDownloader;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Getting the embedding model (the file recognition needs) into an open library's models folder, from the window.
 * Every method may read or write files: call them off the UI thread. After a successful download or choice the
 * library's face analyzer uses the new model from its next photo on.
 */
public interface ModelSetup {

    /**
     * What the models folder holds now, checked by SHA-256 (does not load any model).
     */
    ModelStatus status();

    /**
     * Downloads the production embedding model from its pinned URL, SHA-256 checked; a failure or cancel leaves no
     * partial file, so a retry starts clean.
     *
     * @throws ModelDownloadException with {@code offline()} when the server cannot be reached, {@code cancelled()}
     *                                when {@code cancelled} turned true
     */
    Path download(ModelDownloader.Progress progress, BooleanSupplier cancelled) throws ModelDownloadException;

    /**
     * Uses a model file the user has (offline machines): a file, or a folder holding one, whose SHA-256 matches a
     * described embedding model is copied into the models folder and chosen.
     *
     * @return the id of the model now in use
     * @throws ModelDownloadException when no such file is there (one sentence naming the file that is needed)
     */
    String useFile(Path fileOrFolder) throws ModelDownloadException;

    /**
     * @param embeddingModel id of the embedding model in use, or null when none is available
     * @param neededId       id of the model Facet downloads (the production model)
     * @param neededFile     its file name
     * @param neededBytes    its size in bytes
     * @param licence        its licence
     * @param modelsDir      the models folder
     */
    record ModelStatus(String embeddingModel, String neededId, String neededFile, long neededBytes, String licence, Path modelsDir) {
        public boolean ready() {
            return embeddingModel != null;
        }

        /** Size in megabytes (10^6 bytes), one decimal. */
        public String neededMegabytes() {
            return String.format(java.util.Locale.ROOT, "%.1f MB", neededBytes / 1e6);
        }
    }
}
