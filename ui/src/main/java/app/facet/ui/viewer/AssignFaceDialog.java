package app.facet.ui.viewer;

import app.facet.model.Face;
import app.facet.ui.dialogs.Dialogs;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Asks whose face this is: an existing person's name (the list narrows as you type) or a new name. */
final class AssignFaceDialog {
    private final Window owner;
    private final Face face;
    private final List<String> names;

    AssignFaceDialog(Window owner, Face face, List<String> names) {
        this.owner = owner;
        this.face = face;
        this.names = names;
    }

    Optional<String> ask() {
        Dialog<String> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setHeaderText(face.personName() == null ? "Who is this?" : "Who is this instead of " + face.personName() + "?");
        FilteredList<String> matches = new FilteredList<>(FXCollections.observableArrayList(names));
        ComboBox<String> name = new ComboBox<>(matches);
        name.setId("assignName");
        name.setEditable(true);
        name.setPromptText("Name (a new name creates a person)");
        name.setPrefWidth(320);
        // the drop-down lists the names containing what is typed; nothing is completed unless the user picks it
        name.getEditor().textProperty().addListener((o, a, typed) -> {
            if (name.getSelectionModel().getSelectedItem() != null && name.getSelectionModel().getSelectedItem().equals(typed)) {
                return; // the user picked a name from the list
            }
            String q = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
            matches.setPredicate(n -> q.isEmpty() || n.toLowerCase(Locale.ROOT).contains(q));
        });
        dialog.getDialogPane().setContent(new VBox(8, new Label("Person:"), name));
        ButtonType assign = new ButtonType("Assign", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(assign, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(assign).disableProperty().bind(name.getEditor().textProperty().isEmpty());
        dialog.setResultConverter(b -> b == assign ? name.getEditor().getText().trim() : null);
        // typing goes straight into the name, and Enter assigns (the dialog would focus its first button otherwise)
        dialog.setOnShown(e -> javafx.application.Platform.runLater(name::requestFocus));
        return dialog.showAndWait().filter(n -> !n.isBlank());
    }
}
