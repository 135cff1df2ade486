package app.facet.ui.main;

import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.session.ModelsInfo;
import app.facet.ui.tasks.TaskRunner;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;


/** Help → About and Keyboard Shortcuts, Tools → Models…. */
final class HelpDialogs {
    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final String version;

    HelpDialogs(Window owner, LibrarySession session, TaskRunner tasks, String version) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.version = version;
    }

    void about() {
        String library = session.library() == null ? "none" : session.library().location().root().toString();
        Alert alert = Dialogs.styled(new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK), owner);
        alert.setHeaderText("Facet " + version);
        alert.setContentText("Finds the people in your photos, on this computer.\n\n"
                + "Library: " + library + "\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version") + "\n"
                + "Face detection: OpenCV YuNet; embeddings: ONNX Runtime; catalog: SQLite.");
        alert.show();
    }

    /** Every entry shown in full: labels keep their text width, and a screen too short scrolls instead of cutting. */
    void shortcuts() {
        GridPane grid = new GridPane();
        grid.setId("shortcutsTable");
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcuts.Entry e : Shortcuts.table()) {
            Label keys = new Label(e.keys());
            keys.getStyleClass().add("shortcut-keys");
            Label action = new Label(e.action());
            keys.setMinWidth(Region.USE_PREF_SIZE);
            action.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, keys, action);
        }
        ScrollPane scroller = new ScrollPane(grid);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("edge-to-edge");
        Alert alert = Dialogs.styled(new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE), owner);
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(scroller);
        // measured with the dialog's style applied: as tall as the table, at most what the screen leaves
        alert.getDialogPane().applyCss();
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scroller.setPrefViewportHeight(Math.min(grid.prefHeight(-1), screen.getHeight() - 220));
        scroller.setPrefViewportWidth(grid.prefWidth(-1));
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        alert.setResizable(true);
        alert.show();
    }

    void models() {
        if (session.library() == null) {
            return;
        }
        var models = session.library().models();
        tasks.background("Reading models", (p, c) -> models.call(), info -> {
            Alert alert = Dialogs.styled(new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK), owner);
            alert.setHeaderText("Face models");
            alert.setContentText("Detector: " + info.detector() + "\n"
                    + "Embedding model: " + (info.embeddingModel() == null ? "none" : info.embeddingModel()) + "\n"
                    + (info.note() == null ? "" : info.note() + "\n")
                    + "Models folder: " + info.modelsDir());
            alert.show();
        }, error -> Dialogs.error(owner, "Cannot load the face models", TaskRunner.describe(error)));
    }
}
