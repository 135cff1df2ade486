package app.facet.ui.main;

import app.facet.ui.dialogs.Dialogs;
import app.facet.core.catalog.LibraryLocation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** File → Open Library…: pick a remembered library, or choose a folder (a new library is created there). */
final class OpenLibraryDialog {
    private final Window owner;
    private final List<String> remembered;
    private final FolderChooser folders;

    OpenLibraryDialog(Window owner, List<String> remembered, FolderChooser folders) {
        this.owner = owner;
        this.remembered = remembered;
        this.folders = folders;
    }

    Optional<LibraryLocation> ask() {
        Dialog<LibraryLocation> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setHeaderText("Open a library");
        ListView<String> list = new ListView<>();
        list.setId("rememberedLibraries");
        list.getItems().setAll(remembered);
        list.setPrefSize(520, 200);
        Label hint = new Label(remembered.isEmpty() ? "No library opened before." : "Libraries opened before:");
        Button choose = new Button("Choose Folder…");
        choose.setOnAction(e -> folders.choose(dialog.getDialogPane().getScene().getWindow(), "Choose a library folder")
                .ifPresent(dir -> {
                    dialog.setResult(new LibraryLocation(dir));
                    dialog.close();
                }));
        dialog.getDialogPane().setContent(new VBox(8, hint, list, choose));
        ButtonType open = new ButtonType("Open", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(open).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(new LibraryLocation(Path.of(list.getSelectionModel().getSelectedItem())));
                dialog.close();
            }
        });
        dialog.setResultConverter(button -> button == open && list.getSelectionModel().getSelectedItem() != null
                ? new LibraryLocation(Path.of(list.getSelectionModel().getSelectedItem())) : dialog.getResult());
        return dialog.showAndWait();
    }
}
