package app.facet.ui.editor;

import app.facet.core.editor.EditablePhoto;
import app.facet.core.editor.EditedBox;
import app.facet.model.BoundingBox;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;

/**
 * The editor's state for one photo: its boxes (stored and drawn), the selected box, and whether anything is unsaved.
 * Bindings follow every box's position, person and deletion. UI thread only.
 */
final class EditSession {
    private final EditablePhoto photo;
    private final ObservableList<BoxEdit> boxes = FXCollections.observableArrayList(
            b -> new Observable[]{b.boxProperty(), b.personProperty(), b.deletedProperty(), b.changedBinding()});
    private final ObjectProperty<BoxEdit> selected = new SimpleObjectProperty<>();
    private final IntegerBinding changes = Bindings.createIntegerBinding(
            () -> (int) boxes.stream().filter(b -> b.changedBinding().get()).count(), boxes);
    private final BooleanBinding dirty = changes.greaterThan(0);

    EditSession(EditablePhoto photo) {
        this.photo = photo;
        photo.faces().stream().filter(f -> !f.notAFace() && f.box() != null).map(BoxEdit::stored).forEach(boxes::add);
    }

    EditablePhoto photo() {
        return photo;
    }

    ObservableList<BoxEdit> boxes() {
        return boxes;
    }

    /** Boxes shown (not deleted). */
    List<BoxEdit> visible() {
        return boxes.stream().filter(b -> !b.deletedProperty().get()).toList();
    }

    ObjectProperty<BoxEdit> selectedProperty() {
        return selected;
    }

    BooleanBinding dirtyBinding() {
        return dirty;
    }

    IntegerBinding changesBinding() {
        return changes;
    }

    /** Adds a box the user drew, clipped to the image, and selects it. */
    BoxEdit draw(BoundingBox box) {
        BoxEdit b = BoxEdit.drawn(Objects.requireNonNull(box));
        boxes.add(b);
        selected.set(b);
        return b;
    }

    /** Deletes a box: a drawn one disappears, a stored one is deleted when saved. */
    void delete(BoxEdit b) {
        if (b.isNew()) {
            boxes.remove(b);
        } else {
            b.deletedProperty().set(true);
        }
        if (selected.get() == b) {
            selected.set(null);
        }
    }

    /** Selects the stored face with this id, if it is shown. */
    void select(Long faceId) {
        if (faceId == null) {
            return;
        }
        visible().stream().filter(b -> faceId.equals(b.faceId())).findFirst().ifPresent(selected::set);
    }

    /** @return the edits to save, in the order of the boxes */
    List<EditedBox> edits() {
        return boxes.stream().map(BoxEdit::toEdit).filter(Objects::nonNull).toList();
    }
}
