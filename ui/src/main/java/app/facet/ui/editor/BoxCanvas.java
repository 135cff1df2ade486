package app.facet.ui.editor;

import app.facet.model.BoundingBox;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * The photo with its boxes, where the user draws, moves and resizes them. Boxes live in original-image pixels after
 * EXIF orientation; on screen they are scaled by {@link #setScale} (display pixels per original pixel: the decode
 * scale times the zoom). Every box stays inside the image and at least {@link #MIN_SIZE} original pixels wide.
 */
final class BoxCanvas extends Pane {
    /** Smallest box, original pixels: anything smaller is a slip of the mouse, not a face. */
    static final double MIN_SIZE = 8;

    private final ImageView image = new ImageView();
    private final Pane boxLayer = new Pane();
    private final BooleanProperty drawing = new SimpleBooleanProperty(false);
    private final Region rubberBand = new Region();
    private final List<BoxView> views = new ArrayList<>();
    private EditSession session;
    private double scale = 1;
    private int imageWidth = 1, imageHeight = 1;

    // drag state: what is being dragged and where it started
    private BoxView dragged;
    private BoxView.Corner corner;
    private Point2D dragStart;
    private BoundingBox boxAtStart;

    BoxCanvas() {
        getStyleClass().add("editor-canvas");
        image.setPreserveRatio(false);
        image.setSmooth(true);
        boxLayer.setPickOnBounds(false);
        rubberBand.getStyleClass().add("editor-rubber-band");
        rubberBand.setManaged(false);
        rubberBand.setVisible(false);
        getChildren().addAll(image, boxLayer, rubberBand);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressedOnPhoto);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::draggedOnPhoto);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::releasedOnPhoto);
        cursorProperty().bind(javafx.beans.binding.Bindings.when(drawing).then(Cursor.CROSSHAIR).otherwise(Cursor.DEFAULT));
    }

    ImageView imageView() {
        return image;
    }

    /** While true, dragging on the photo draws a new box (else it pans the photo); turns itself off once a box is drawn. */
    BooleanProperty drawingProperty() {
        return drawing;
    }

    /** Shows {@code s}'s boxes over an image of {@code width x height} original pixels. */
    void show(EditSession s, int width, int height) {
        this.session = s;
        this.imageWidth = width;
        this.imageHeight = height;
        // a box moving or being renamed is an update of the list too; its view follows by itself. Recreating the
        // views then would detach the one being dragged (its corner handle) after the first step of a drag
        s.boxes().addListener((ListChangeListener<BoxEdit>) c -> {
            if (!s.visible().equals(views.stream().map(BoxView::edit).toList())) {
                rebuild();
            }
        });
        s.selectedProperty().addListener((o, a, b) -> views.forEach(v -> v.setSelected(v.edit() == b)));
        rebuild();
    }

    /** @param displayPerOriginal display pixels per original-image pixel */
    void setScale(double displayPerOriginal) {
        this.scale = displayPerOriginal;
        image.setFitWidth(imageWidth * scale);
        image.setFitHeight(imageHeight * scale);
        setPrefSize(imageWidth * scale, imageHeight * scale);
        setMinSize(imageWidth * scale, imageHeight * scale);
        setMaxSize(imageWidth * scale, imageHeight * scale);
        boxLayer.resize(imageWidth * scale, imageHeight * scale);
        requestLayout();
    }

    double scale() {
        return scale;
    }

    List<BoxView> views() {
        return List.copyOf(views);
    }

    private void rebuild() {
        views.clear();
        for (BoxEdit b : session.visible()) {
            BoxView v = new BoxView(b);
            v.setSelected(session.selectedProperty().get() == b);
            wire(v);
            views.add(v);
        }
        boxLayer.getChildren().setAll(views);
        requestLayout();
    }

    private void wire(BoxView v) {
        v.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || drawing.get()) {
                return; // in draw mode a press on a box starts a new box over it
            }
            session.selectedProperty().set(v.edit());
            if (!v.edit().locked()) {
                Object target = e.getTarget();
                corner = target instanceof Region r && r.getUserData() instanceof BoxView.Corner c ? c : null;
                dragged = v;
                dragStart = toOriginal(e);
                boxAtStart = v.edit().boxProperty().get();
            }
            e.consume();
        });
        v.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragged == v) {
                dragTo(toOriginal(e));
                e.consume();
            }
        });
        v.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragged == v) {
                dragged = null;
                e.consume();
            }
        });
        v.edit().boxProperty().addListener((o, a, b) -> requestLayout());
    }

    private void dragTo(Point2D p) {
        double dx = p.getX() - dragStart.getX(), dy = p.getY() - dragStart.getY();
        BoundingBox b = boxAtStart;
        double x0 = b.x(), y0 = b.y(), x1 = b.right(), y1 = b.bottom();
        if (corner == null) {
            double nx = clamp(x0 + dx, 0, imageWidth - b.w()), ny = clamp(y0 + dy, 0, imageHeight - b.h());
            dragged.edit().boxProperty().set(new BoundingBox(nx, ny, b.w(), b.h()));
            return;
        }
        switch (corner) {
            case TOP_LEFT -> { x0 = clamp(x0 + dx, 0, x1 - MIN_SIZE); y0 = clamp(y0 + dy, 0, y1 - MIN_SIZE); }
            case TOP_RIGHT -> { x1 = clamp(x1 + dx, x0 + MIN_SIZE, imageWidth); y0 = clamp(y0 + dy, 0, y1 - MIN_SIZE); }
            case BOTTOM_LEFT -> { x0 = clamp(x0 + dx, 0, x1 - MIN_SIZE); y1 = clamp(y1 + dy, y0 + MIN_SIZE, imageHeight); }
            case BOTTOM_RIGHT -> { x1 = clamp(x1 + dx, x0 + MIN_SIZE, imageWidth); y1 = clamp(y1 + dy, y0 + MIN_SIZE, imageHeight); }
        }
        dragged.edit().boxProperty().set(new BoundingBox(x0, y0, x1 - x0, y1 - y0));
    }

    // ---- drawing a new box ----

    private void pressedOnPhoto(MouseEvent e) {
        if (!drawing.get() || e.getButton() != MouseButton.PRIMARY || session == null) {
            if (e.getButton() == MouseButton.PRIMARY && session != null && !e.isConsumed()) {
                session.selectedProperty().set(null); // a click on the photo itself clears the selection
            }
            return;
        }
        dragStart = clampToImage(toOriginal(e));
        rubberBand.setVisible(true);
        updateRubberBand(dragStart);
        e.consume();
    }

    private void draggedOnPhoto(MouseEvent e) {
        if (drawing.get() && rubberBand.isVisible()) {
            updateRubberBand(clampToImage(toOriginal(e)));
            e.consume();
        }
    }

    private void releasedOnPhoto(MouseEvent e) {
        if (!drawing.get() || !rubberBand.isVisible()) {
            return;
        }
        rubberBand.setVisible(false);
        Point2D end = clampToImage(toOriginal(e));
        double x = Math.min(dragStart.getX(), end.getX()), y = Math.min(dragStart.getY(), end.getY());
        double w = Math.abs(end.getX() - dragStart.getX()), h = Math.abs(end.getY() - dragStart.getY());
        if (w >= MIN_SIZE && h >= MIN_SIZE) {
            session.draw(new BoundingBox(x, y, w, h));
            // one box per Draw: the next drag on the new box's corner resizes it instead of drawing a tiny second box
            drawing.set(false);
        }
        e.consume();
    }

    private void updateRubberBand(Point2D to) {
        double x = Math.min(dragStart.getX(), to.getX()), y = Math.min(dragStart.getY(), to.getY());
        rubberBand.resizeRelocate(x * scale, y * scale, Math.abs(to.getX() - dragStart.getX()) * scale,
                Math.abs(to.getY() - dragStart.getY()) * scale);
    }

    private Point2D toOriginal(MouseEvent e) {
        Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
        return new Point2D(local.getX() / scale, local.getY() / scale);
    }

    private Point2D clampToImage(Point2D p) {
        return new Point2D(clamp(p.getX(), 0, imageWidth), clamp(p.getY(), 0, imageHeight));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    protected void layoutChildren() {
        image.relocate(0, 0);
        boxLayer.resizeRelocate(0, 0, imageWidth * scale, imageHeight * scale);
        for (BoxView v : views) {
            BoundingBox b = v.edit().boxProperty().get();
            v.resizeRelocate(b.x() * scale, b.y() * scale, Math.max(4, b.w() * scale), Math.max(4, b.h() * scale));
        }
    }
}
