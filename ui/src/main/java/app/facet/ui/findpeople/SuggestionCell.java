package app.facet.ui.findpeople;

import app.facet.core.people.Suggestion;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/** One suggestion: the face, "Is this Anna?" with the similarity, Yes (Y) and No (N). */
final class SuggestionCell extends ListCell<Suggestion> {
    private final CropImages crops;
    private final LongFunction<Path> cropOf;
    private final ImageView face = new ImageView();
    private final Label question = new Label();
    private final Label similarity = new Label();
    private final HBox row;

    SuggestionCell(CropImages crops, LongFunction<Path> cropOf, Consumer<Suggestion> yes, Consumer<Suggestion> no) {
        this.crops = crops;
        this.cropOf = cropOf;
        getStyleClass().add("suggestion-cell");
        face.setFitWidth(CropImages.SIZE);
        face.setFitHeight(CropImages.SIZE);
        face.setPreserveRatio(true);
        question.getStyleClass().add("suggestion-question");
        similarity.getStyleClass().add("suggestion-similarity");
        Button confirm = new Button("Yes (Y)");
        confirm.getStyleClass().add("success");
        confirm.setOnAction(e -> {
            if (getItem() != null) {
                yes.accept(getItem());
            }
        });
        Button reject = new Button("No (N)");
        reject.setOnAction(e -> {
            if (getItem() != null) {
                no.accept(getItem());
            }
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        row = new HBox(12, face, new VBox(2, question, similarity), grow, confirm, reject);
        row.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(Suggestion s, boolean empty) {
        super.updateItem(s, empty);
        if (empty || s == null) {
            setGraphic(null);
            return;
        }
        Path crop = cropOf.apply(s.faceId());
        face.setImage(crop == null ? null : crops.get(crop));
        question.setText("Is this " + s.personName() + "?");
        // shown to users as similarity, higher is better (cosine similarity as a percentage)
        similarity.setText(String.format(Locale.ROOT, "%.0f %% similar", Math.max(0, s.similarity()) * 100));
        setGraphic(row);
    }
}
