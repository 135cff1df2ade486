package app.facet.app.cli;

import app.facet.app.startup.LibraryFolderCheck;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.library.FacetLibrary;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** {@code --library DIR}, shared by every command. */
public final class LibraryOption {
    @Option(names = "--library", paramLabel = "DIR",
            description = "Library folder (catalog.sqlite + managed crops). Default: $FACET_LIBRARY, else the user's data folder (XDG).")
    Path library;

    public LibraryLocation location() {
        return library == null ? LibraryLocation.defaultLocation() : new LibraryLocation(library);
    }

    /**
     * Opens (creating if needed) the library, with face models found after {@code --models} / {@code --embedding-model}.
     *
     * @throws UserError when the library folder cannot be created or written, or {@code --models} names a folder that
     *                   does not exist
     */
    public FacetLibrary open(ModelOptions models) {
        LibraryFolderCheck.problem(location()).ifPresent(problem -> {
            throw new UserError(problem);
        });
        return withModelsFolder(FacetLibrary.open(location(), models.options()), models);
    }

    /**
     * Opens an existing library for commands that need no face models.
     *
     * @throws UserError when there is no catalog at the location
     */
    public FacetLibrary existing() {
        return FacetLibrary.open(existingLocation(), app.facet.core.library.ModelOptions.DEFAULTS);
    }

    /**
     * Opens an existing library for commands that analyse a box (face models found as for {@link #open}).
     *
     * @param embeddingModel the embedding model to use when {@code --embedding-model} names none (asked when the models
     *                       load; null there means the production model whose file is present)
     * @throws UserError when there is no catalog at the location, or {@code --models} names a folder that does not exist
     */
    public FacetLibrary existing(ModelOptions models, Supplier<String> embeddingModel) {
        return withModelsFolder(FacetLibrary.open(existingLocation(), models.options(), embeddingModel), models);
    }

    private static FacetLibrary withModelsFolder(FacetLibrary opened, ModelOptions models) {
        if (models.modelsDir() != null && !Files.isDirectory(opened.models().path())) {
            throw new UserError("Models folder not found: " + opened.models().path() + ".");
        }
        return opened;
    }

    private LibraryLocation existingLocation() {
        LibraryLocation loc = location();
        if (!loc.exists()) {
            throw new UserError("No Facet library at " + loc.root() + " (run `facet scan DIR` first, or pass --library DIR).");
        }
        return loc;
    }

    /**
     * The catalog of an existing library, for reading commands.
     *
     * @throws UserError when there is no catalog at the location
     */
    public Catalog openExisting() {
        return existing().catalog();
    }
}
