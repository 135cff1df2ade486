package app.facet.ui.session;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PhotoFilter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the window shows: the open library, the grid's filter, and a revision that goes up whenever the catalog
 * changed under the views (a scan finished, a person was renamed) so that they reload. UI thread only.
 */
public final class LibrarySession {
    private final ObjectProperty<LibraryContext> library = new SimpleObjectProperty<>();
    private final ObjectProperty<PhotoFilter> filter = new SimpleObjectProperty<>(PhotoFilter.ALL);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final BooleanBinding open = Bindings.isNotNull(library);

    public ObjectProperty<LibraryContext> libraryProperty() {
        return library;
    }

    public LibraryContext library() {
        return library.get();
    }

    public BooleanBinding openBinding() {
        return open;
    }

    public ObjectProperty<PhotoFilter> filterProperty() {
        return filter;
    }

    public PhotoFilter filter() {
        return filter.get();
    }

    public void showPerson(PersonFilter person) {
        filter.set(filter.get().withPerson(person));
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The catalog changed: every view reloads what it shows. */
    public void catalogChanged() {
        revision.set(revision.get() + 1);
    }
}
