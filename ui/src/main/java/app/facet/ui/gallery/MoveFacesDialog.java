package app.facet.ui.gallery;

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
 * "Move to…" for faces of a gallery: asks for another person's name (listed as you type; Enter completes it) or a
 * new name, which splits the faces off into a new person.
 */
final class MoveFacesDialog {
    private final Window owner;
    private final int count;
    private final String from;
    private final List<String> names;

    /** @param names the other people's names, for completion */
    MoveFacesDialog(Window owner, int count, String from, List<String> names) {
        this.owner = owner;
        this.count = count;
        this.from = from;
        this.names = names;
    }

    Optional<String> ask() {
        Dialog<String> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setTitle("Move faces");
        dialog.setHeaderText("Move " + count + (count == 1 ? " face" : " faces") + " of " + from + " to…");
        NameField name = new NameField();
        name.setId("moveFacesName");
        name.setNames(names);
        name.setPromptText("Another person, or a new name");
        name.setPrefWidth(320);
        Label hint = new Label("A new name splits the faces off into a new person. You can undo this.");
        hint.getStyleClass().add("gallery-hint");
        dialog.getDialogPane().setContent(new VBox(8, new Label("Person:"), name, hint));
        ButtonType move = new ButtonType("Move", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(move, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(move).disableProperty().bind(name.textProperty().isEmpty());
        dialog.setResultConverter(b -> b == move ? name.name() : null);
        dialog.setOnShown(e -> javafx.application.Platform.runLater(name::requestFocus));
        return dialog.showAndWait().map(String::strip).filter(n -> !n.isEmpty() && !n.equalsIgnoreCase(from));
    }
}
