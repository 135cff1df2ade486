package app.facet.core.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the desktop app remembers between runs (the user's config folder, one small JSON file).
 *
 * @param libraries   library folders opened before, most recent first (absolute paths)
 * @param lastLibrary the library to open at start-up, null on first start
 * @param theme       theme name ("light" or "dark"), null for the default
 * @param embeddingModel embedding model id the user chose in the window (a file they had), null: the production
 *                    model whose file is present
 * @param lastFolder  the folder the user last chose something in with a file or folder dialog (absolute path), where
 *                    the next dialog opens; null until they have
 * @param keepSidecarsInSync write the names into the photos' XMP sidecars whenever names change (opt-in; null: off)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserSettings(List<String> libraries, String lastLibrary, String theme, String embeddingModel,
                           String lastFolder, Boolean keepSidecarsInSync) {
    /** Most libraries remembered. */
    public static final int MAX_LIBRARIES = 10;

    public static final UserSettings EMPTY = new UserSettings(List.of(), null, null, null, null, false);

    public UserSettings {
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
        keepSidecarsInSync = Boolean.TRUE.equals(keepSidecarsInSync);
    }

    /** @return these settings with {@code library} opened last: first in the list, and the one to open next time */
    public UserSettings withOpened(Path library) {
        String path = library.toAbsolutePath().normalize().toString();
        List<String> list = new ArrayList<>(libraries);
        list.remove(path);
        list.add(0, path);
        return new UserSettings(list.subList(0, Math.min(MAX_LIBRARIES, list.size())), path, theme, embeddingModel, lastFolder, keepSidecarsInSync);
    }

    public UserSettings withTheme(String newTheme) {
        return new UserSettings(libraries, lastLibrary, Objects.requireNonNull(newTheme), embeddingModel, lastFolder, keepSidecarsInSync);
    }

    public UserSettings withoutLibrary(Path library) {
        String path = library.toAbsolutePath().normalize().toString();
        List<String> list = new ArrayList<>(libraries);
        list.remove(path);
        return new UserSettings(list, path.equals(lastLibrary) ? null : lastLibrary, theme, embeddingModel, lastFolder, keepSidecarsInSync);
    }

    /** @param id embedding model chosen in the window, or null to use the production model whose file is present */
    public UserSettings withEmbeddingModel(String id) {
        return new UserSettings(libraries, lastLibrary, theme, id, lastFolder, keepSidecarsInSync);
    }

    /** @param folder the folder of the user's last file or folder choice; stored absolute and normalised */
    public UserSettings withLastFolder(Path folder) {
        return new UserSettings(libraries, lastLibrary, theme, embeddingModel, folder.toAbsolutePath().normalize().toString(), keepSidecarsInSync);
    }

    /** @param on write the names into the photos' sidecars whenever names change */
    public UserSettings withKeepSidecarsInSync(boolean on) {
        return new UserSettings(libraries, lastLibrary, theme, embeddingModel, lastFolder, on);
    }
}
