package app.facet.ui.models;

import app.facet.ui.theme.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** A persistent line above the photos while faces are found but cannot be recognised, with the way to fix it. */
public final class ModelsBanner extends HBox {
    public ModelsBanner(ModelsPrompt prompt) {
        setId("modelsBanner");
        getStyleClass().add("models-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(8, 12, 8, 12));
        setStyle("-fx-background-color: -color-warning-subtle; -fx-border-color: -color-warning-muted; -fx-border-width: 0 0 1 0;");
        Label text = new Label("Faces are found but not recognised: the face embedding model is missing.");
        text.setWrapText(true);
        text.setStyle("-fx-text-fill: -color-warning-fg;");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button fix = new Button("Get the Model…");
        fix.setId("modelsBannerButton");
        fix.setOnAction(e -> prompt.open());
        getChildren().addAll(Icons.small(MaterialDesignA.ALERT_OUTLINE), text, fix);
        visibleProperty().bind(prompt.missingProperty());
        managedProperty().bind(visibleProperty());
    }
}
