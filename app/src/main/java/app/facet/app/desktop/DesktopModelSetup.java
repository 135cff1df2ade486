package app.facet.app.desktop;

import app.facet.core.catalog.ContentHash;
import app.facet.core.embedding.EmbeddingModelDescription;
import app.facet.core.embedding.FileHashCache;
import app.facet.core.embedding.ModelDescriptions;
import app.facet.core.embedding.ModelDownloadException;
import app.facet.core.embedding.ModelDownloader;
import app.facet.core.embedding.ModelLocator;
import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.session.ModelSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The window's way to the embedding model: download the production model into the library's models folder, or copy
 * a file the user has there (its SHA-256 must match a described model); then the analyzer reloads.
 */
final class DesktopModelSetup implements ModelSetup {
    private static final Logger log = LoggerFactory.getLogger(DesktopModelSetup.class);

    private final Path modelsDir;
    private final ModelDescriptions descriptions;
    private final UserSettingsStore settings;
    private final Supplier<String> chosenModelId;
    private final ModelDownloader downloader;
    private final Runnable reloadModels;

    /** @param reloadModels drops the loaded models so the next analysis loads the new one
     *  @param chosenModelId the explicit embedding model id in force (option, else settings), or null */
    DesktopModelSetup(Path modelsDir, ModelDescriptions descriptions, UserSettingsStore settings, Supplier<String> chosenModelId,
                      ModelDownloader downloader, Runnable reloadModels) {
        this.modelsDir = modelsDir;
        this.descriptions = descriptions;
        this.settings = settings;
        this.chosenModelId = chosenModelId;
        this.downloader = downloader;
        this.reloadModels = reloadModels;
    }

    @Override
    public ModelStatus status() {
        ModelLocator locator = new ModelLocator(modelsDir, descriptions, FileHashCache.inMemory());
        String inUse = locator.findEmbeddingModel(chosenModelId.get()).located().map(m -> m.description().id()).orElse(null);
        EmbeddingModelDescription needed = production();
        return new ModelStatus(inUse, needed.id(), needed.file(), needed.sizeBytes() == null ? 0 : needed.sizeBytes(),
                needed.licence(), modelsDir);
    }

    @Override
    public Path download(ModelDownloader.Progress progress, BooleanSupplier cancelled) throws ModelDownloadException {
        Path file = downloader.download(production(), modelsDir, progress, cancelled);
        choose(null);
        return file;
    }

    @Override
    public String useFile(Path fileOrFolder) throws ModelDownloadException {
        Path file = Files.isDirectory(fileOrFolder) ? findIn(fileOrFolder) : fileOrFolder;
        EmbeddingModelDescription model = describe(file).orElseThrow(() -> new ModelDownloadException("The file " + file
                + " is not a face model Facet knows (its SHA-256 matches none): choose " + production().file() + "."));
        try {
            Path target = modelsDir.resolve(model.file());
            if (!Files.exists(target) || !Files.isSameFile(file, target)) {
                Files.createDirectories(modelsDir);
                Path tmp = Files.createTempFile(modelsDir, "." + model.file() + ".", ".part");
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ModelDownloadException("Cannot copy " + file + " into " + modelsDir + ": " + e.getMessage() + ".", e);
        }
        // a test-only model is never picked automatically: remember it was chosen on purpose
        choose(model.testOnly() ? model.id() : null);
        log.info("event=embedding_model_chosen model={} from={} folder={}", model.id(), file, modelsDir);
        return model.id();
    }

    private void choose(String explicitId) throws ModelDownloadException {
        try {
            settings.save(settings.load().withEmbeddingModel(explicitId));
        } catch (RuntimeException e) {
            throw new ModelDownloadException("The model is in place, but the choice cannot be saved: " + e.getMessage() + ".", e);
        }
        reloadModels.run();
    }

    private Path findIn(Path folder) throws ModelDownloadException {
        for (EmbeddingModelDescription d : descriptions.embeddingModels()) {
            Path candidate = folder.resolve(d.file());
            if (Files.isRegularFile(candidate) && describe(candidate).isPresent()) {
                return candidate;
            }
        }
        throw new ModelDownloadException("The folder " + folder + " holds no face model Facet knows: it needs " + production().file() + ".");
    }

    private Optional<EmbeddingModelDescription> describe(Path file) throws ModelDownloadException {
        String sha;
        try {
            sha = ContentHash.of(file);
        } catch (IOException e) {
            throw new ModelDownloadException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
        return descriptions.embeddingModels().stream().filter(d -> d.sha256().equals(sha)).findFirst();
    }

    private EmbeddingModelDescription production() {
        return descriptions.embeddingModels().stream().filter(d -> !d.testOnly()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no production embedding model is described"));
    }
}
