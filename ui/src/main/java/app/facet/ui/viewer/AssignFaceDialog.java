package app.facet.ui.viewer;

import app.facet.model.Face;
import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.people.NameField;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/**
 * Asks whose face this is: an existing person's name (listed as you type; Enter completes it) or a new name (Esc
 * closes the list, then Enter or Assign).
 */
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
        NameField name = new NameField();
        name.setId("assignName");
        name.setNames(names);
        name.setPromptText("Name (a new name creates a person)");
        name.setPrefWidth(320);
        dialog.getDialogPane().setContent(new VBox(8, new Label("Person:"), name));
        ButtonType assign = new ButtonType("Assign", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(assign, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(assign).disableProperty().bind(name.textProperty().isEmpty());
        dialog.setResultConverter(b -> b == assign ? name.name() : null);
        // typing goes straight into the name, and Enter assigns (the dialog would focus its first button otherwise)
        dialog.setOnShown(e -> javafx.application.Platform.runLater(name::requestFocus));
        return dialog.showAndWait().filter(n -> !n.isBlank());
    }
}
