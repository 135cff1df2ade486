package app.facet.ui.gallery;

import app.facet.core.people.PeopleService;
import app.facet.core.people.PersonFaces;
import app.facet.model.Person;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The state of a person's face gallery, apart from its controls (so it is testable without a window): the person,
 * their faces in the chosen order (sorted by core's {@link PersonFaces}), the selection, the effective cover face,
 * and the one-line summary. A new order re-sorts what was read; the window reads again after each catalog change.
 * UI thread only (plain JavaFX properties).
 */
public final class PersonGalleryModel {
    /** What one read of the catalog gives the gallery; {@code person} null when the person no longer exists. */
    public record Loaded(Person person, List<PersonFaces.PersonFace> faces, Long coverFaceId) {
        /** Reads the person, their faces (least alike first) and their cover; off the UI thread. */
        public static Loaded read(PeopleService people, long personId) {
            Optional<Person> person = people.person(personId);
            if (person.isEmpty()) {
                return new Loaded(null, List.of(), null);
            }
            OptionalLong cover = people.coverFace(personId);
            return new Loaded(person.get(), people.gallery(personId, PersonFaces.Order.SIMILARITY),
                    cover.isPresent() ? cover.getAsLong() : null);
        }
    }

    private final LongProperty personId = new SimpleLongProperty(-1);
    private final ReadOnlyStringWrapper personName = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PersonFaces.Order> order = new SimpleObjectProperty<>(PersonFaces.Order.SIMILARITY);
    private final ObjectProperty<Long> coverFaceId = new SimpleObjectProperty<>();
    private final ObservableList<PersonFaces.PersonFace> faces = FXCollections.observableArrayList();
    private final ObservableList<Long> selectedIds = FXCollections.observableArrayList();
    // made once: an unmodifiable view listens weakly to its list, so a view made per call would lose its listeners
    private final ObservableList<PersonFaces.PersonFace> facesView = FXCollections.unmodifiableObservableList(faces);
    private final ObservableList<Long> selectedView = FXCollections.unmodifiableObservableList(selectedIds);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final GallerySelection selection = new GallerySelection();
    private boolean gone;

    public PersonGalleryModel() {
        order.addListener((o, a, b) -> {
            faces.setAll(PersonFaces.sorted(List.copyOf(faces), b));
            syncSelection();
        });
    }

    /** Shows another person: nothing until {@link #loaded} brings their faces. */
    public void show(long id, String name) {
        if (id != personId.get()) {
            faces.clear();
            selection.clear();
            coverFaceId.set(null);
        }
        personId.set(id);
        personName.set(name);
        gone = false;
        syncSelection();
    }

    /** What a read returned (for the person shown). */
    public void loaded(Loaded data) {
        if (data.person() == null) {
            gone = true;
            faces.clear();
            coverFaceId.set(null);
        } else {
            gone = false;
            personName.set(data.person().name());
            coverFaceId.set(data.coverFaceId());
            faces.setAll(PersonFaces.sorted(data.faces(), order.get()));
        }
        syncSelection();
    }

    public void click(long faceId, boolean shift, boolean ctrl) {
        selection.click(faceId, shift, ctrl);
        syncSelection();
    }

    /** An arrow key; {@code delta} is ±1 or ±columns. */
    public void move(int delta, boolean shift) {
        selection.move(delta, shift);
        syncSelection();
    }

    public void selectAll() {
        selection.selectAll();
        syncSelection();
    }

    public void clearSelection() {
        selection.clear();
        syncSelection();
    }

    /** @return the one selected face, which "Set as cover" needs; empty for none or several */
    public Optional<Long> coverCandidate() {
        return selectedIds.size() == 1 ? Optional.of(selectedIds.get(0)) : Optional.empty();
    }

    /** The face the keyboard is on (to scroll it into view), null before any click or key. */
    public Long focus() {
        return selection.focus();
    }

    public long personId() {
        return personId.get();
    }

    public ReadOnlyStringProperty personNameProperty() {
        return personName.getReadOnlyProperty();
    }

    public ObjectProperty<PersonFaces.Order> orderProperty() {
        return order;
    }

    /** The cover face shown in the sidebar (the user's choice, else the best-quality face); null without faces. */
    public ObjectProperty<Long> coverFaceIdProperty() {
        return coverFaceId;
    }

    /** The faces in display order. */
    public ObservableList<PersonFaces.PersonFace> faces() {
        return facesView;
    }

    /** The selected face ids, in display order. */
    public ObservableList<Long> selectedIds() {
        return selectedView;
    }

    /** E.g. "14 faces · 2 selected", or why nothing is shown. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void syncSelection() {
        selection.setOrder(faces.stream().map(f -> f.face().id()).toList());
        List<Long> now = selection.selected();
        if (!now.equals(selectedIds)) {
            selectedIds.setAll(now);
        }
        if (gone) {
            summary.set(personName.get() + " is no longer in the library (merged or deleted).");
            return;
        }
        String count = faces.size() + (faces.size() == 1 ? " face" : " faces");
        summary.set(selectedIds.isEmpty() ? count : count + " · " + selectedIds.size() + " selected");
    }
}
