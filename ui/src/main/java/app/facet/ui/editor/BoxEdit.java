package app.facet.ui.editor;

import app.facet.core.editor.EditedBox;
import app.facet.core.editor.PersonAssignment;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/**
 * One box in the editor, as the user left it: where it is (original-image pixels after EXIF orientation), who it is
 * ("" for nobody), whether it is deleted. A stored face remembers how it was, so that only real changes are saved.
 * UI thread only.
 */
final class BoxEdit {
    private final Long faceId;
    private final BoundingBox original;
    private final String originalPerson;
    private final String invalidReason;
    private final ObjectProperty<BoundingBox> box;
    private final StringProperty person;
    private final BooleanProperty deleted = new SimpleBooleanProperty(false);
    private final BooleanBinding changed;

    private BoxEdit(Long faceId, BoundingBox box, String person, String invalidReason) {
        this.faceId = faceId;
        this.original = faceId == null ? null : box;
        this.originalPerson = person;
        this.invalidReason = invalidReason;
        this.box = new SimpleObjectProperty<>(box);
        this.person = new SimpleStringProperty(person);
        this.changed = Bindings.createBooleanBinding(() -> faceId == null ? !deleted.get()
                : deleted.get() || moved() || personChanged(), this.box, this.person, deleted);
    }

    static BoxEdit stored(Face face) {
        return new BoxEdit(face.id(), face.box(), face.personName() == null ? "" : face.personName(),
                face.status() == FaceStatus.INVALID ? (face.invalidReason() == null ? "flagged invalid" : face.invalidReason()) : null);
    }

    static BoxEdit drawn(BoundingBox box) {
        return new BoxEdit(null, box, "", null);
    }

    Long faceId() {
        return faceId;
    }

    boolean isNew() {
        return faceId == null;
    }

    /** An invalid stored row: shown and deletable, never moved or renamed here (the integrity tools repair it). */
    boolean locked() {
        return invalidReason != null;
    }

    String invalidReason() {
        return invalidReason;
    }

    ObjectProperty<BoundingBox> boxProperty() {
        return box;
    }

    StringProperty personProperty() {
        return person;
    }

    BooleanProperty deletedProperty() {
        return deleted;
    }

    /** True when saving would change something for this box. */
    BooleanBinding changedBinding() {
        return changed;
    }

    /** What the label under the box says. */
    String label() {
        if (locked()) {
            return "⚠ Invalid";
        }
        String p = person.get() == null ? "" : person.get().strip();
        return !p.isEmpty() ? p : isNew() ? "New face" : "Unknown";
    }

    private boolean moved() {
        return !Objects.equals(original, box.get());
    }

    private boolean personChanged() {
        String now = person.get() == null ? "" : person.get().strip();
        return !now.equalsIgnoreCase(originalPerson);
    }

    /** @return the edit to save, or null when this box is as stored (or a new box deleted again) */
    EditedBox toEdit() {
        if (!changed.get()) {
            return null;
        }
        if (deleted.get()) {
            return EditedBox.delete(faceId);
        }
        String name = person.get() == null ? "" : person.get().strip();
        PersonAssignment who = !personChanged() && !isNew() ? PersonAssignment.keep()
                : name.isEmpty() ? (isNew() ? PersonAssignment.keep() : PersonAssignment.nobody()) : PersonAssignment.named(name);
        if (isNew()) {
            return EditedBox.add(box.get(), who);
        }
        return moved() ? EditedBox.move(faceId, box.get(), who) : EditedBox.assign(faceId, who);
    }
}
