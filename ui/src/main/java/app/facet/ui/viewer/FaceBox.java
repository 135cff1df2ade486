package app.facet.ui.viewer;

import app.facet.model.AssignedBy;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A face's bounding box drawn over the photo, labelled with its person or "Unknown" ("⚠ Invalid" for a row that
 * failed validation). Positioned by {@link FaceBoxLayer} in display pixels.
 */
final class FaceBox extends Region {
    private final Face face;
    private final Label label = new Label();

    FaceBox(Face face) {
        this.face = face;
        getStyleClass().add("face-box");
        if (face.status() == FaceStatus.INVALID) {
            getStyleClass().add("face-box-invalid");
            label.setText("⚠ Invalid");
        } else if (face.personId() == null) {
            getStyleClass().add("face-box-unknown");
            label.setText("Unknown");
        } else {
            getStyleClass().add(face.assignedBy() == AssignedBy.AUTO ? "face-box-auto" : "face-box-person");
            label.setText(face.personName());
        }
        label.getStyleClass().add("face-box-label");
        label.setManaged(false);
        getChildren().add(label);
        setPickOnBounds(true);
        setAccessibleText("Face: " + label.getText());
    }

    Face face() {
        return face;
    }

    String labelText() {
        return label.getText();
    }

    @Override
    protected void layoutChildren() {
        label.autosize();
        // the label sits under the box, or above it when the box touches the bottom of the photo
        double y = getHeight() + 2;
        if (getParent() != null && getLayoutY() + y + label.getHeight() > ((Region) getParent()).getHeight()) {
            y = -label.getHeight() - 2;
        }
        label.relocate(0, y);
    }
}
