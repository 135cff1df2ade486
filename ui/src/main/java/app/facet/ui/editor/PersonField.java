package app.facet.ui.editor;

import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ComboBox;

import java.util.List;
import java.util.Locale;

/**
 * Who the selected box shows: a name typed freely, with the people whose name contains what is typed offered in the
 * drop-down (picking one fills it in; a name nobody has creates that person when saved). Bound to one box at a time.
 */
final class PersonField extends ComboBox<String> {
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final FilteredList<String> matches = new FilteredList<>(names);
    private StringProperty bound;

    PersonField() {
        setItems(matches);
        setEditable(true);
        setPromptText("Who is this? (type a name)");
        setPrefWidth(260);
        getEditor().textProperty().addListener((o, a, typed) -> {
            if (getSelectionModel().getSelectedItem() != null && getSelectionModel().getSelectedItem().equals(typed)) {
                return; // a name picked from the list
            }
            String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
            matches.setPredicate(n -> q.isEmpty() || n.toLowerCase(Locale.ROOT).contains(q));
            if (getEditor().isFocused() && !q.isEmpty() && !matches.isEmpty() && !isShowing()) {
                show();
            }
        });
        // a picked name goes into the text, which is what is bound to the box
        valueProperty().addListener((o, a, picked) -> {
            if (picked != null && !picked.equals(getEditor().getText())) {
                getEditor().setText(picked);
            }
        });
    }

    void setNames(List<String> people) {
        names.setAll(people);
    }

    /** Edits {@code person} (a box's person), or nothing when null (then the field is disabled). */
    void bindTo(StringProperty person) {
        if (bound != null) {
            getEditor().textProperty().unbindBidirectional(bound);
        }
        bound = person;
        getSelectionModel().clearSelection();
        if (person == null) {
            getEditor().setText("");
        } else {
            getEditor().setText(person.get());
            getEditor().textProperty().bindBidirectional(person);
        }
        hide();
    }
}
