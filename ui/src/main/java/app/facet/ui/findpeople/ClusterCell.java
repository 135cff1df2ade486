package app.facet.ui.findpeople;

import app.facet.core.people.FaceCluster;
import app.facet.ui.people.NameField;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * One group of unknown faces: up to five best crops, its size, and a name box with "Name". The name box lists the
 * people whose name matches what is typed; Enter completes from that list, or (list closed) names the group.
 */
final class ClusterCell extends ListCell<FaceCluster> {
    private final CropImages crops;
    private final LongFunction<Path> cropOf;
    private final HBox faces = new HBox(4);
    private final Label size = new Label();
    private final NameField name = new NameField();
    private final Button apply = new Button("Name");
    private final HBox row;

    ClusterCell(CropImages crops, LongFunction<Path> cropOf, Supplier<List<String>> names, BiConsumer<FaceCluster, String> onName) {
        this.crops = crops;
        this.cropOf = cropOf;
        getStyleClass().add("cluster-cell");
        size.getStyleClass().add("cluster-size");
        name.setPromptText("Who is this?");
        name.setPrefWidth(220);
        name.getStyleClass().add("cluster-name");
        name.focusedProperty().addListener((o, a, focused) -> {
            if (focused) {
                name.setNames(names.get());
            }
        });
        apply.getStyleClass().add("cluster-apply");
        apply.disableProperty().bind(name.textProperty().isEmpty());
        Runnable submit = () -> {
            String typed = name.name();
            if (!typed.isEmpty() && getItem() != null) {
                onName.accept(getItem(), typed);
            }
        };
        apply.setOnAction(e -> submit.run());
        name.setOnAction(e -> submit.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        row = new HBox(12, faces, size, grow, name, apply);
        row.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(FaceCluster cluster, boolean empty) {
        super.updateItem(cluster, empty);
        if (empty || cluster == null) {
            setGraphic(null);
            return;
        }
        faces.getChildren().clear();
        for (long faceId : cluster.sampleFaceIds()) {
            Path crop = cropOf.apply(faceId);
            if (crop != null) {
                ImageView view = new ImageView(crops.get(crop));
                view.setFitWidth(CropImages.SIZE);
                view.setFitHeight(CropImages.SIZE);
                view.setPreserveRatio(true);
                faces.getChildren().add(view);
            }
        }
        size.setText(cluster.size() + " faces");
        name.clear();
        setGraphic(row);
    }
}
