package app.facet.ui.main;

import app.facet.ui.theme.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** Shown instead of the empty grid of a new library: what Facet does, and "Add folder…". */
final class WelcomePane extends VBox {
    WelcomePane(Runnable addFolder, Runnable openLibrary) {
        getStyleClass().add("welcome");
        setId("welcome");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        Label title = new Label("Welcome to Facet");
        title.getStyleClass().add("welcome-title");
        Label text = new Label("Add a folder of photos. Facet catalogs them, finds the faces in them and helps you name the people,"
                + " all on this computer. Your photos are never changed or uploaded.");
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.getStyleClass().add("welcome-text");
        Button add = new Button("Add Folder…", Icons.sized(MaterialDesignF.FOLDER_PLUS_OUTLINE, 20));
        add.setId("welcomeAddFolder");
        add.getStyleClass().add("accent");
        add.setDefaultButton(true);
        add.setOnAction(e -> addFolder.run());
        Button open = new Button("Open Library…", Icons.sized(MaterialDesignF.FOLDER_OPEN_OUTLINE, 20));
        open.setOnAction(e -> openLibrary.run());
        HBox buttons = new HBox(10, add, open);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(Icons.sized(MaterialDesignF.FACE_RECOGNITION, 64), title, text, buttons);
    }
}
