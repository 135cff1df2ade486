package app.facet.ui.editor;

import app.facet.ui.people.NameField;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * Who the selected box shows: a name typed freely, with the people whose name matches what is typed listed under it
 * (picking one fills it in; a name nobody has creates that person when saved). Bound to one box at a time.
 */
final class PersonField {
    private final NameField field = new NameField();
    private StringProperty bound;

    PersonField() {
        field.setPromptText("Who is this? (type a name)");
        field.setPrefWidth(260);
    }

    NameField field() {
        return field;
    }

    void setNames(List<String> people) {
        field.setNames(people);
    }

    /** Edits {@code person} (a box's person), or nothing when null. */
    void bindTo(StringProperty person) {
        if (bound != null) {
            field.textProperty().unbindBidirectional(bound);
        }
        bound = person;
        if (person == null) {
            field.setText("");
        } else {
            field.setText(person.get());
            field.textProperty().bindBidirectional(person);
        }
    }
}
