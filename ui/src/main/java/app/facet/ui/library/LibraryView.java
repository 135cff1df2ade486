package app.facet.ui.library;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PhotoFilter;
import app.facet.core.browse.PhotoSelection;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.BorderPane;

import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * The main view: filter bar over the photo grid. Reloads the grid (off the UI thread) when the filter, the
 * library or the catalog's revision changes; a reload that is overtaken by a newer one is dropped.
 */
public final class LibraryView extends BorderPane {
    private final LibrarySession session;
    private final PhotoGrid grid;
    private final FilterBar filterBar;
    private final LibraryGridModel model;
    private LongFunction<String> personNames = id -> null;
    private final LatestOnly photoReads;
    private final LatestOnly folderReads;
    private final ReadOnlyObjectWrapper<LibraryContext> listed = new ReadOnlyObjectWrapper<>();

    public LibraryView(LibrarySession session, TaskRunner tasks) {
        this.session = session;
        this.photoReads = tasks.latestOnly();
        this.folderReads = tasks.latestOnly();
        this.model = new LibraryGridModel(session.filterProperty());
        this.grid = new PhotoGrid(tasks, model);
        this.filterBar = new FilterBar(model);
        getStyleClass().add("library-view");
        grid.setId("photoGrid");
        setTop(filterBar);
        setCenter(grid);
        grid.selectedCountProperty().addListener((o, a, b) -> filterBar.setSelected(b.intValue()));
        session.filterProperty().addListener((o, a, b) -> reload());
        session.libraryProperty().addListener((o, a, b) -> reload());
        session.revisionProperty().addListener((o, a, b) -> reload());
    }

    /** Double-click or Enter on a photo: the selection shown and the index opened. */
    public void setOnOpen(BiConsumer<PhotoSelection, Integer> handler) {
        grid.setOnOpen(handler);
    }

    /** How the summary names the person filtered on (the sidebar knows the names). */
    public void setPersonNames(LongFunction<String> names) {
        this.personNames = names;
    }

    public PhotoGrid grid() {
        return grid;
    }

    /** The grid's state and actions (filter, photos shown, selection), without the nodes. */
    public LibraryGridModel model() {
        return model;
    }

    /** Reads the current filter's photos and the folder list, then shows them. */
    public void reload() {
        LibraryContext library = session.library();
        if (library == null) {
            photoReads.drop();
            folderReads.drop();
            grid.clear();
            listed.set(null);
            filterBar.setSummary(model.summary(null));
            return;
        }
        PhotoFilter filter = session.filter();
        // the grid first; the folder list (a scan of every path) follows in its own task
        // the person's name is read with the photos: the sidebar may still hold the name from before a rename
        photoReads.background("Listing photos", (progress, cancel) -> new Shown(library.photos().select(filter), nameOf(library, filter.person())),
                shown -> {
                    grid.show(shown.photos(), library.photos(), library.thumbnails());
                    filterBar.setSummary(model.summary(shown.person() != null ? shown.person() : describe(filter.person())));
                    grid.afterPhotosOnScreen(() -> listedIfOpen(library));
                }, error -> listedIfOpen(library)); // the start-up checks run even when the grid cannot list (a broken catalog)
        folderReads.background("Listing folders", (progress, cancel) -> library.photos().folders(), filterBar::setFolders, null);
    }

    /**
     * The open library once the grid lists its photos and the tiles on screen show theirs (or its listing failed);
     * null before. Start-up work the first paint does not need (the quick integrity check) waits for it. UI thread.
     */
    public ReadOnlyObjectProperty<LibraryContext> listedProperty() {
        return listed.getReadOnlyProperty();
    }

    private void listedIfOpen(LibraryContext library) {
        if (session.library() == library) {
            listed.set(library);
        }
    }

    /** Off the UI thread: the name of the person filtered on, null when the filter is not on one person or they are gone. */
    private static String nameOf(LibraryContext library, PersonFilter person) {
        if (person instanceof PersonFilter.Only only) {
            return library.people().people().stream().filter(p -> p.person().id() == only.personId())
                    .map(p -> p.person().name()).findFirst().orElse(null);
        }
        return null;
    }

    private record Shown(PhotoSelection photos, String person) {
    }

    private String describe(PersonFilter person) {
        if (person instanceof PersonFilter.Only only) {
            String name = personNames.apply(only.personId());
            return name != null ? name : "one person";
        }
        return person instanceof PersonFilter.Unknown ? "Unknown faces" : null;
    }
}
