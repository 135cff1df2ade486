package app.facet.ui.editor;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * One box drawn over the photo: a frame, its label under it, and four corner handles to resize it (shown while it is
 * selected). Positioned by {@link BoxCanvas} in display pixels; the drag logic lives there.
 */
final class BoxView extends Region {
    /** Which corner a handle drags. */
    enum Corner {
        TOP_LEFT(Cursor.NW_RESIZE), TOP_RIGHT(Cursor.NE_RESIZE), BOTTOM_LEFT(Cursor.SW_RESIZE), BOTTOM_RIGHT(Cursor.SE_RESIZE);

        final Cursor cursor;

        Corner(Cursor cursor) {
            this.cursor = cursor;
        }
    }

    static final double HANDLE = 9;

    private final BoxEdit edit;
    private final Label label = new Label();
    private final List<Region> handles;

    BoxView(BoxEdit edit) {
        this.edit = edit;
        getStyleClass().add("editor-box");
        setPickOnBounds(true); // the inside of the frame is transparent, but grabbing it moves the box
        setManaged(false); // placed by BoxCanvas in display pixels, not resized by its parent pane
        if (edit.locked()) {
            getStyleClass().add("editor-box-invalid");
            Tooltip.install(this, new Tooltip("⚠ Invalid: " + edit.invalidReason() + "\nThis row can only be deleted here."));
        } else if (edit.isNew()) {
            getStyleClass().add("editor-box-new");
        }
        label.getStyleClass().add("editor-box-label");
        label.setManaged(false);
        label.setAlignment(Pos.CENTER_LEFT);
        handles = java.util.Arrays.stream(Corner.values()).map(c -> {
            Region h = new Region();
            h.getStyleClass().add("editor-box-handle");
            h.setCursor(c.cursor);
            h.setManaged(false);
            h.setUserData(c);
            h.setVisible(false);
            return h;
        }).toList();
        getChildren().add(label);
        getChildren().addAll(handles);
        setCursor(edit.locked() ? Cursor.DEFAULT : Cursor.MOVE);
        refreshLabel();
        edit.personProperty().addListener((o, a, b) -> refreshLabel());
    }

    BoxEdit edit() {
        return edit;
    }

    List<Region> handles() {
        return handles;
    }

    String labelText() {
        return label.getText();
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
        handles.forEach(h -> h.setVisible(selected && !edit.locked()));
        if (selected) {
            toFront();
        }
    }

    private void refreshLabel() {
        label.setText(edit.label());
        setAccessibleText("Face box: " + edit.label());
    }

    @Override
    protected void layoutChildren() {
        label.autosize();
        double y = getHeight() + 2;
        if (getParent() instanceof Region parent && getLayoutY() + y + label.getHeight() > parent.getHeight()) {
            y = -label.getHeight() - 2;
        }
        // keep the label over the photo when the box touches its right edge
        double labelX = 0;
        if (getParent() instanceof Region parent && getLayoutX() + label.getWidth() > parent.getWidth()) {
            labelX = Math.min(0, parent.getWidth() - getLayoutX() - label.getWidth());
        }
        label.relocate(labelX, y);
        double w = getWidth(), h = getHeight(), s = HANDLE;
        for (Region handle : handles) {
            Corner c = (Corner) handle.getUserData();
            double x = c == Corner.TOP_LEFT || c == Corner.BOTTOM_LEFT ? -s / 2 : w - s / 2;
            double hy = c == Corner.TOP_LEFT || c == Corner.TOP_RIGHT ? -s / 2 : h - s / 2;
            handle.resizeRelocate(x, hy, s, s);
        }
    }
}
