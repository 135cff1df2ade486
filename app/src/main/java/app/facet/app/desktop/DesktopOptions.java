package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.core.library.ModelOptions;
import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.main.FolderChooser;
import app.facet.ui.main.SaveFileChooser;
import app.facet.ui.models.ModelFileChooser;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How the desktop app starts.
 *
 * @param library      the library to open; null: the last one opened, else the default library
 * @param modelsDir    where the face models are; null: {@code $FACET_MODELS}, else the library's {@code models} folder
 * @param embeddingModelId embedding model id, or null for the production model whose file is present
 * @param settingsFile the user settings JSON (remembered libraries, theme)
 * @param folders      asks the user for folders (the system dialog; tests pass the folder)
 * @param saves        asks the user where to save exports (the system dialog; tests pass the file)
 * @param modelFiles   asks the user for a face model file or folder (the system dialogs; tests pass the path)
 */
public record DesktopOptions(LibraryLocation library, Path modelsDir, String embeddingModelId, Path settingsFile,
                             FolderChooser folders, SaveFileChooser saves, ModelFileChooser modelFiles) {
    public DesktopOptions {
        Objects.requireNonNull(settingsFile, "settingsFile");
        Objects.requireNonNull(folders, "folders");
        Objects.requireNonNull(saves, "saves");
        Objects.requireNonNull(modelFiles, "modelFiles");
    }

    /** With the system's model file dialogs. */
    public DesktopOptions(LibraryLocation library, Path modelsDir, String embeddingModelId, Path settingsFile, FolderChooser folders,
                          SaveFileChooser saves) {
        this(library, modelsDir, embeddingModelId, settingsFile, folders, saves, ModelFileChooser.system());
    }

    /** With the system's save dialog. */
    public DesktopOptions(LibraryLocation library, Path modelsDir, String embeddingModelId, Path settingsFile, FolderChooser folders) {
        this(library, modelsDir, embeddingModelId, settingsFile, folders, SaveFileChooser.system());
    }

    static final String LIBRARY = "library";
    static final String MODELS = "models";
    static final String EMBEDDING_MODEL = "embedding-model";

    /** From the named parameters {@link FacetApplication#launch} passes through JavaFX. */
    static DesktopOptions fromNamed(Map<String, String> named) {
        String library = named.get(LIBRARY);
        String models = named.get(MODELS);
        return new DesktopOptions(library == null ? null : new LibraryLocation(Path.of(library)),
                models == null ? null : Path.of(models), named.get(EMBEDDING_MODEL), UserSettingsStore.defaultFile(),
                FolderChooser.system());
    }

    /** The face model options every library of this run opens with. */
    ModelOptions models() {
        return new ModelOptions(modelsDir, embeddingModelId);
    }
}
