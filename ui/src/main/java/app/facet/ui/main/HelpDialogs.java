package app.facet.ui.main;

import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;


/** Help → About, Keyboard Shortcuts and Show Log Folder. */
final class HelpDialogs {
    private static final Logger log = LoggerFactory.getLogger(HelpDialogs.class);
    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final String version;
    private final Path logFolder;
    private final Consumer<URI> browse;

    HelpDialogs(Window owner, LibrarySession session, TaskRunner tasks, String version, Path logFolder, Consumer<URI> browse) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.version = version;
        this.logFolder = logFolder;
        this.browse = browse;
    }

    /** Names the detector and embedding model the open library's scans actually use (loads them off the UI thread). */
    void about() {
        if (session.library() == null) {
            showAbout("none", "no library open");
            return;
        }
        String library = session.library().location().root().toString();
        var models = session.library().models();
        tasks.background("Reading models", (p, c) -> models.call(), info -> showAbout(library, info.detector()
                + "\nEmbedding model: " + (info.embeddingModel() == null ? "none, so people are not recognised (Tools → Models…)"
                : info.embeddingModel() + " (ONNX Runtime)")), error -> showAbout(library, "cannot be loaded: " + TaskRunner.describe(error)));
    }

    private void showAbout(String library, String models) {
        Alert alert = Dialogs.styled(new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK), owner);
        alert.setHeaderText("Facet " + version);
        alert.getDialogPane().setId("aboutDialog");
        alert.setContentText("Finds the people in your photos, on this computer.\n\n"
                + "Library: " + library + "\n"
                + "Face detection: " + models + "\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version")
                + "; catalog: SQLite.\nLog file: " + logFolder.resolve("facet.log"));
        alert.show();
    }

    /** Help → Show Log Folder: the folder in the file manager, and its path to copy into a bug report. */
    void showLogFolder() {
        TextField path = new TextField(logFolder.toString());
        path.setEditable(false);
        path.setId("logFolderPath");
        path.setPrefColumnCount(40);
        Alert alert = Dialogs.styled(new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK), owner);
        alert.setHeaderText("Facet's log files are in this folder; attach facet.log to a bug report.");
        alert.getDialogPane().setContent(path);
        alert.show();
        try {
            browse.accept(logFolder.toUri());
        } catch (RuntimeException e) {
            log.warn("event=log_folder_not_opened folder={} reason=\"{}\"", logFolder, e.getMessage(), e);
        }
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
}
