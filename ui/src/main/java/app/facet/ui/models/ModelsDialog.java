package app.facet.ui.models;

import app.facet.ui.models.ModelsDialogModel.Phase;
import app.facet.ui.theme.ThemeSwitcher;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The face models dialog: one sentence on what is needed and why, then Download (progress, Cancel), Choose a File…,
 * Choose a Folder… and Continue Without Recognition. Shown at start-up while the embedding model is missing and from
 * Tools → Models….
 */
public final class ModelsDialog {
    private final Stage stage = new Stage();
    private final ModelsDialogModel model;

    public ModelsDialog(Window owner, ModelsDialogModel model, ModelFileChooser files) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Face Models");

        Label header = new Label("Face recognition needs one more file");
        header.getStyleClass().add("title-3");
        header.setId("modelsHeader");
        header.textProperty().bind(javafx.beans.binding.Bindings.when(model.phaseProperty().isEqualTo(Phase.READY))
                .then("Face recognition is ready").otherwise("Face recognition needs one more file"));
        Label explanation = wrapped("modelsExplanation");
        explanation.textProperty().bind(model.explanationBinding());
        Label inUse = wrapped("modelsInUse");
        inUse.getStyleClass().add("text-muted");
        inUse.textProperty().bind(model.inUseBinding());

        BooleanBinding working = model.phaseProperty().isEqualTo(Phase.WORKING);
        ProgressBar progress = new ProgressBar();
        progress.setId("modelsProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.progressProperty().bind(model.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("modelsCancel");
        cancel.setOnAction(e -> model.cancel());
        HBox progressRow = new HBox(8, progress, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(working);
        progressRow.managedProperty().bind(working);

        Label message = wrapped("modelsMessage");
        message.textProperty().bind(model.messageProperty());
        message.styleProperty().bind(javafx.beans.binding.Bindings.when(model.phaseProperty().isEqualTo(Phase.FAILED))
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));

        VBox root = new VBox(12, header, explanation, progressRow, message, inUse, buttons(files, working));
        root.setPadding(new Insets(20));
        root.setPrefWidth(720);
        stage.setScene(ThemeSwitcher.style(new Scene(root)));
        // the texts arrive after the first layout (status read in the background): grow the window to fit them
        for (javafx.beans.Observable o : new javafx.beans.Observable[]{model.statusProperty(), model.messageProperty(), model.phaseProperty()}) {
            o.addListener(x -> javafx.application.Platform.runLater(stage::sizeToScene));
        }
    }

    private HBox buttons(ModelFileChooser files, BooleanBinding working) {
        Button download = new Button("Download");
        download.setId("modelsDownload");
        download.getStyleClass().add("accent");
        download.setDefaultButton(true);
        download.setOnAction(e -> model.download());
        Button chooseFile = new Button("Choose a File…");
        chooseFile.setId("modelsChooseFile");
        chooseFile.setOnAction(e -> files.chooseFile(stage).ifPresent(model::useFile));
        Button chooseFolder = new Button("Choose a Folder…");
        chooseFolder.setId("modelsChooseFolder");
        chooseFolder.setOnAction(e -> files.chooseFolder(stage).ifPresent(model::useFile));
        Button close = new Button();
        close.setId("modelsContinue");
        close.textProperty().bind(javafx.beans.binding.Bindings.when(model.phaseProperty().isEqualTo(Phase.READY))
                .then("Close").otherwise("Continue Without Recognition"));
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        BooleanBinding ready = model.phaseProperty().isEqualTo(Phase.READY);
        for (Button b : new Button[]{download, chooseFile, chooseFolder}) {
            b.disableProperty().bind(working.or(ready));
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.disableProperty().bind(working);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(8, download, chooseFile, chooseFolder, grow, close);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** Shows the dialog (not blocking) and reads the current state. */
    public void show() {
        model.refresh();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    public ModelsDialogModel model() {
        return model;
    }
}
