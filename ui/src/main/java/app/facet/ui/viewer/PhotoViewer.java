package app.facet.ui.viewer;

import app.facet.core.browse.PhotoSelection;
import app.facet.core.thumbnails.DecodedImage;
import app.facet.model.Face;
import app.facet.model.Photo;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.theme.Icons;
import app.facet.ui.theme.ThemeSwitcher;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The photo viewer window: one photo, EXIF-oriented, at full size (zoom to fit or 100 %), with the catalog's face
 * boxes labelled with their person or "Unknown". Clicking a box opens the face's actions. Left/Right step through
 * the photos of the grid, Esc closes, F toggles fit, + and − zoom.
 */
public final class PhotoViewer {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final LibrarySession session;
    private final TaskRunner tasks;
    private final FaceMenu faceMenu;
    private final Stage stage = new Stage();
    private final ImageView imageView = new ImageView();
    private final FaceBoxLayer boxes = new FaceBoxLayer();
    private final Pane canvas = new Pane(imageView, boxes);
    private final StackPane centre = new StackPane(canvas);
    private final ScrollPane scroller = new ScrollPane(centre);
    private final Label message = new Label();
    private final Label title = new Label();
    private final Label info = new Label();
    private final ViewerModel model = new ViewerModel();
    private final DoubleProperty zoom = model.zoomProperty();
    private final BooleanProperty fit = model.fitProperty();
    private final Button previous = new Button(null, Icons.small(MaterialDesignC.CHEVRON_LEFT));
    private final Button next = new Button(null, Icons.small(MaterialDesignC.CHEVRON_RIGHT));
    private final Button editFaces = new Button("Edit Faces…", Icons.small(MaterialDesignV.VECTOR_SQUARE_EDIT));
    private java.util.function.LongConsumer onEditFaces;
    private double imageScale = 1;
    private final LatestOnly photoReads;
    private final LatestOnly faceReads;
    private Photo photo;

    public PhotoViewer(Window owner, LibrarySession session, TaskRunner tasks, FaceMenu faceMenu) {
        this.session = session;
        this.tasks = tasks;
        this.photoReads = tasks.latestOnly();
        this.faceReads = tasks.latestOnly();
        this.faceMenu = faceMenu;
        stage.initOwner(owner);
        stage.setTitle("Facet — Photo");

        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        canvas.getStyleClass().add("viewer-canvas");
        centre.getStyleClass().add("viewer-centre");
        centre.setAlignment(Pos.CENTER);
        // the centring pane is at least as large as the viewport, so a small photo sits in the middle
        centre.minWidthProperty().bind(Bindings.createDoubleBinding(() -> scroller.getViewportBounds().getWidth(), scroller.viewportBoundsProperty()));
        centre.minHeightProperty().bind(Bindings.createDoubleBinding(() -> scroller.getViewportBounds().getHeight(), scroller.viewportBoundsProperty()));
        canvas.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        scroller.getStyleClass().add("viewer-scroller");
        scroller.setPannable(true);
        scroller.viewportBoundsProperty().addListener((o, a, b) -> applyZoom());
        zoom.addListener((o, a, b) -> applyZoom());
        fit.addListener((o, a, b) -> applyZoom());
        message.getStyleClass().add("viewer-message");
        message.setWrapText(true);
        StackPane body = new StackPane(scroller, message);

        previous.setId("viewerPrevious");
        next.setId("viewerNext");
        previous.setTooltip(new Tooltip("Previous photo (Left)"));
        next.setTooltip(new Tooltip("Next photo (Right)"));
        previous.setOnAction(e -> step(-1));
        previous.disableProperty().bind(model.hasPreviousBinding().not());
        next.disableProperty().bind(model.hasNextBinding().not());
        next.setOnAction(e -> step(1));
        ToggleButton fitButton = new ToggleButton(null, Icons.small(MaterialDesignF.FIT_TO_SCREEN_OUTLINE));
        fitButton.setTooltip(new Tooltip("Fit to window (F); off: actual size"));
        fitButton.selectedProperty().bindBidirectional(fit);
        Button zoomIn = new Button(null, Icons.small(MaterialDesignM.MAGNIFY_PLUS_OUTLINE));
        Button zoomOut = new Button(null, Icons.small(MaterialDesignM.MAGNIFY_MINUS_OUTLINE));
        zoomIn.setTooltip(new Tooltip("Zoom in (+)"));
        zoomOut.setTooltip(new Tooltip("Zoom out (−)"));
        zoomIn.setOnAction(e -> zoomBy(ViewerModel.ZOOM_STEP));
        zoomOut.setOnAction(e -> zoomBy(1 / ViewerModel.ZOOM_STEP));
        title.getStyleClass().add("viewer-title");
        title.setId("viewerTitle");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        editFaces.setId("viewerEditFaces");
        editFaces.setTooltip(new Tooltip("Draw, move, delete and name this photo's face boxes in the crop editor"));
        editFaces.setDisable(true);
        editFaces.setOnAction(e -> {
            if (photo != null && onEditFaces != null) {
                onEditFaces.accept(photo.id());
            }
        });
        HBox toolbar = new HBox(6, previous, next, title, grow, editFaces, zoomOut, fitButton, zoomIn);
        toolbar.getStyleClass().add("viewer-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        info.getStyleClass().add("viewer-info");
        info.setId("viewerInfo");
        HBox infoBar = new HBox(info);
        infoBar.getStyleClass().add("viewer-infobar");

        BorderPane root = new BorderPane(body, toolbar, null, infoBar, null);
        root.getStyleClass().add("photo-viewer");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = ThemeSwitcher.style(new Scene(root, Math.min(1100, screen.getWidth()), Math.min(800, screen.getHeight())));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F), () -> fit.set(!fit.get()));
        ViewerKeys.install(scene, this::step, this::zoomBy);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);
        session.revisionProperty().addListener((o, a, b) -> {
            if (stage.isShowing()) {
                reloadFaces();
            }
        });
        session.libraryProperty().addListener((o, a, b) -> stage.close());
    }

    /** Opens (or brings to front) the viewer on photo {@code index} of {@code photos}. */
    public void open(PhotoSelection photos, int index) {
        model.open(photos.size(), photos::idAt, index);
        stage.show();
        stage.toFront();
        load();
    }

    public Stage stage() {
        return stage;
    }

    /** What "Edit Faces…" does with the shown photo's id (the crop editor); the button is disabled until set. */
    public void setOnEditFaces(java.util.function.LongConsumer handler) {
        this.onEditFaces = handler;
    }

    /** The face boxes shown now: their labels, left to right (tests). */
    public List<String> boxLabels() {
        return boxes.boxes().stream().map(FaceBox::labelText).toList();
    }

    /** Display pixels per decoded-image pixel now (1 = actual size of the decoded image). */
    public double zoom() {
        return zoom.get();
    }

    /** The photo shown, or null while loading. */
    public Photo photo() {
        return photo;
    }

    /** The viewer's state and actions without the nodes (photo shown, zoom). */
    public ViewerModel model() {
        return model;
    }

    private void step(int delta) {
        if (model.step(delta)) {
            load();
        }
    }

    private void load() {
        LibraryContext library = session.library();
        long id = model.photoId();
        if (library == null || id < 0) {
            return;
        }
        faceReads.drop(); // faces read for the photo shown before
        message.setText("Loading…");
        message.setVisible(true);
        boxes.setFaces(List.of(), b -> { });
        photo = null;
        editFaces.setDisable(true);
        photoReads.background("Opening photo", (progress, cancel) -> Loaded.read(library, id), this::show,
                error -> message.setText("Cannot open this photo: " + TaskRunner.describe(error)));
    }

    private void reloadFaces() {
        LibraryContext library = session.library();
        Photo shown = photo;
        if (library == null || shown == null) {
            return;
        }
        // another photo shown meanwhile dropped this read (load() drops the lane)
        faceReads.background("Reading faces", (progress, cancel) -> library.faces().faces(shown.id()), this::showFaces, null);
    }

    private void show(Loaded loaded) {
        photo = loaded.photo();
        editFaces.setDisable(onEditFaces == null);
        Path path = Path.of(loaded.photo().path());
        stage.setTitle("Facet — " + path.getFileName());
        title.setText(path.getFileName() + "  (" + model.position() + ")");
        if (loaded.image() != null) {
            DecodedImage d = loaded.image();
            WritableImage image = new WritableImage(d.width(), d.height());
            image.getPixelWriter().setPixels(0, 0, d.width(), d.height(), PixelFormat.getByteBgraInstance(), d.bgra(), 0, d.width() * 4);
            imageView.setImage(image);
            imageScale = d.scale();
            message.setVisible(false);
        } else {
            imageView.setImage(null);
            message.setText("Cannot show this photo: " + loaded.imageError());
            message.setVisible(true);
        }
        showFaces(loaded.faces());
        applyZoom();
    }

    private void showFaces(List<Face> faces) {
        boxes.setFaces(faces, this::onBoxClicked);
        Photo p = photo;
        StringBuilder sb = new StringBuilder(p.path());
        if (p.takenAt() != null) {
            sb.append("   ·   ").append(DATE.format(p.takenAt()));
        }
        if (p.width() != null) {
            sb.append("   ·   ").append(p.width()).append(" × ").append(p.height());
        }
        long shown = faces.stream().filter(f -> !f.notAFace()).count();
        sb.append("   ·   ").append(shown).append(shown == 1 ? " face" : " faces");
        if (shown > 0) {
            sb.append(": ").append(boxes.boxes().stream().map(FaceBox::labelText).collect(Collectors.joining(", ")));
        }
        info.setText(sb.toString());
    }

    private void onBoxClicked(FaceBox box) {
        ContextMenu menu = faceMenu.menuFor(box.face(), stage);
        menu.show(box, javafx.geometry.Side.BOTTOM, 0, 0);
    }

    private void zoomBy(double factor) {
        if (imageView.getImage() == null) {
            return;
        }
        model.zoomBy(factor);
    }

    private void applyZoom() {
        var image = imageView.getImage();
        if (image == null) {
            return;
        }
        double w = image.getWidth(), h = image.getHeight();
        var viewport = scroller.getViewportBounds();
        model.fitTo(viewport.getWidth(), viewport.getHeight(), w, h);
        double z = zoom.get();
        imageView.setFitWidth(w * z);
        imageView.setFitHeight(h * z);
        canvas.setPrefSize(w * z, h * z);
        // fixed size: a Pane's preferred size would otherwise shrink to its boxes' bounds
        boxes.setMinSize(w * z, h * z);
        boxes.setPrefSize(w * z, h * z);
        boxes.setMaxSize(w * z, h * z);
        boxes.setScale(z * imageScale);
    }

    /** What one background read brings back: the photo row, its faces and its pixels (or why there are none). */
    private record Loaded(Photo photo, List<Face> faces, DecodedImage image, String imageError) {
        static Loaded read(LibraryContext library, long id) {
            Photo photo = library.photos().photo(id)
                    .orElseThrow(() -> new IllegalStateException("The photo is no longer in the catalog."));
            List<Face> faces = library.faces().faces(id);
            try {
                return new Loaded(photo, faces, library.images().load(Path.of(photo.path())), null);
            } catch (app.facet.core.thumbnails.ThumbnailException e) {
                // the faces are still worth showing in the info bar when the pixels cannot be decoded
                return new Loaded(photo, faces, null, e.getMessage());
            }
        }
    }
}
