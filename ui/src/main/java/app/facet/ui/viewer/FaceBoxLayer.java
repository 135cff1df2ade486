package app.facet.ui.viewer;

import app.facet.model.Face;
import javafx.scene.layout.Pane;

import java.util.List;
import java.util.function.Consumer;

/**
 * The face boxes of one photo over its image. Boxes are stored in original-image pixels after EXIF orientation;
 * the image on screen is that image times its decode scale (1 at full size) times the zoom.
 */
final class FaceBoxLayer extends Pane {
    private List<FaceBox> boxes = List.of();
    private double pixelsPerOriginal = 1;

    FaceBoxLayer() {
        getStyleClass().add("face-box-layer");
        setPickOnBounds(false);
    }

    void setFaces(List<Face> faces, Consumer<FaceBox> onClick) {
        // a row whose stored box is degenerate has a null box: it cannot be drawn (the integrity check reports it)
        boxes = faces.stream().filter(f -> !f.notAFace() && f.box() != null).map(FaceBox::new).toList();
        for (FaceBox box : boxes) {
            box.setOnMouseClicked(e -> {
                onClick.accept(box);
                e.consume();
            });
        }
        getChildren().setAll(boxes);
        requestLayout();
    }

    /** @param scale display pixels per original-image pixel */
    void setScale(double scale) {
        pixelsPerOriginal = scale;
        requestLayout();
    }

    List<FaceBox> boxes() {
        return boxes;
    }

    @Override
    protected void layoutChildren() {
        for (FaceBox box : boxes) {
            var b = box.face().box();
            box.resizeRelocate(Math.round(b.x() * pixelsPerOriginal), Math.round(b.y() * pixelsPerOriginal),
                    Math.max(4, Math.round(b.w() * pixelsPerOriginal)), Math.max(4, Math.round(b.h() * pixelsPerOriginal)));
        }
    }
}
