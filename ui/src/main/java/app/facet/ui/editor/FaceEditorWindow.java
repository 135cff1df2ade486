package app.facet.ui.editor;

import app.facet.core.browse.PersonSummary;
import app.facet.core.editor.EditRefusedException;
import app.facet.core.editor.EditablePhoto;
import app.facet.core.editor.EditedBox;
import app.facet.core.editor.SaveResult;
import app.facet.core.thumbnails.DecodedImage;
import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.theme.Icons;
import app.facet.ui.theme.ThemeSwitcher;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The manual face crop editor: one ORIGINAL photo of the catalog, EXIF-oriented (decoded by core), with zoom and pan
 * and its face boxes. The user draws new boxes (B, then drag), moves and resizes boxes, deletes them (Delete), and
 * says who each one is (a name, with the people's names offered as they type). Save (Shortcut+S) sends the edits to
 * core, which computes crops, landmarks, embeddings and quality from the original file and applies them in one
 * transaction. Closing, or opening another photo, with unsaved changes asks first.
 * <p>
 * Asked to open a face crop, a file outside the library or a missing file, it shows a dialog saying why and opens
 * nothing.
 */
public final class FaceEditorWindow {
    private static final Logger log = LoggerFactory.getLogger(FaceEditorWindow.class);
    private static final String STYLESHEET = Objects.requireNonNull(FaceEditorWindow.class.getResource("editor.css")).toExternalForm();

    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final Stage stage = new Stage();
    private final BoxCanvas canvas = new BoxCanvas();
    private final StackPane centre = new StackPane(canvas);
    private final ScrollPane scroller = new ScrollPane(centre);
    private final PersonField person = new PersonField();
    private final Label title = new Label();
    private final Label status = new Label();
    private final ToggleButton draw = new ToggleButton("Draw Box", Icons.small(MaterialDesignV.VECTOR_SQUARE_PLUS));
    private final ObjectProperty<EditSession> current = new SimpleObjectProperty<>();
    private final ObjectProperty<BoxEdit> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final BooleanProperty fit = new SimpleBooleanProperty(true);
    private double zoom = 1;
    private double imageScale = 1;
    private final LatestOnly opens;

    /** A photo read for editing, or why it cannot be. */
    private record Opened(EditablePhoto photo, DecodedImage image, List<String> names, EditRefusedException refusal) {
    }

    @FunctionalInterface
    private interface Opener {
        EditablePhoto open(LibraryContext library) throws EditRefusedException;
    }

    public FaceEditorWindow(Window owner, LibrarySession session, TaskRunner tasks) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.opens = tasks.latestOnly();
        stage.initOwner(owner);
        stage.setTitle("Facet — Edit Faces");

        centre.getStyleClass().add("editor-centre");
        centre.setAlignment(Pos.CENTER);
        centre.minWidthProperty().bind(Bindings.createDoubleBinding(() -> scroller.getViewportBounds().getWidth(), scroller.viewportBoundsProperty()));
        centre.minHeightProperty().bind(Bindings.createDoubleBinding(() -> scroller.getViewportBounds().getHeight(), scroller.viewportBoundsProperty()));
        scroller.getStyleClass().add("editor-scroller");
        scroller.pannableProperty().bind(canvas.drawingProperty().not());
        scroller.viewportBoundsProperty().addListener((o, a, b) -> applyZoom());
        scroller.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() && e.getDeltaY() != 0) {
                zoomBy(e.getDeltaY() > 0 ? 1.25 : 1 / 1.25);
                e.consume();
            }
        });
        fit.addListener((o, a, b) -> applyZoom());
        canvas.drawingProperty().bindBidirectional(draw.selectedProperty());

        draw.setId("editorDraw");
        draw.setTooltip(new Tooltip("Draw a new box: drag over a face (B)"));
        Button delete = button("Delete Box", "editorDeleteBox", Icons.small(MaterialDesignD.DELETE_OUTLINE), "Delete the selected box (Delete)");
        delete.setOnAction(e -> deleteSelected());
        delete.disableProperty().bind(selected.isNull());
        person.field().setId("editorPerson");
        person.field().disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null || selected.get().locked(), selected));
        Button unassign = button(null, "editorUnassign", Icons.small(MaterialDesignA.ACCOUNT_REMOVE_OUTLINE), "Nobody: take the box off its person");
        unassign.disableProperty().bind(person.field().disableProperty());
        unassign.setOnAction(e -> person.field().setText(""));
        Button zoomOut = button(null, "editorZoomOut", Icons.small(MaterialDesignM.MAGNIFY_MINUS_OUTLINE), "Zoom out (−, Shortcut+scroll)");
        zoomOut.setOnAction(e -> zoomBy(1 / 1.25));
        ToggleButton fitButton = new ToggleButton(null, Icons.small(MaterialDesignF.FIT_TO_SCREEN_OUTLINE));
        fitButton.setTooltip(new Tooltip("Fit to window (F)"));
        fitButton.selectedProperty().bindBidirectional(fit);
        Button zoomIn = button(null, "editorZoomIn", Icons.small(MaterialDesignM.MAGNIFY_PLUS_OUTLINE), "Zoom in (+, Shortcut+scroll)");
        zoomIn.setOnAction(e -> zoomBy(1.25));
        Button revert = button("Revert", "editorRevert", Icons.small(MaterialDesignU.UNDO_VARIANT), "Forget the unsaved changes");
        revert.disableProperty().bind(dirty.not().or(saving));
        revert.setOnAction(e -> reload(null));
        Button save = button("Save", "editorSave", Icons.small(MaterialDesignC.CONTENT_SAVE_OUTLINE), "Save the changes (Shortcut+S)");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(dirty.not().or(saving));
        save.setOnAction(e -> save(null));
        title.getStyleClass().add("editor-title");
        title.setId("editorTitle");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label who = new Label("Person:");
        HBox toolbar = new HBox(6, draw, delete, new Separator(javafx.geometry.Orientation.VERTICAL), who, person.field(), unassign,
                new Separator(javafx.geometry.Orientation.VERTICAL), zoomOut, fitButton, zoomIn, grow, revert, save);
        toolbar.getStyleClass().add("editor-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        status.setId("editorStatus");
        status.getStyleClass().add("editor-status");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox statusBar = new HBox(12, title, status);
        statusBar.getStyleClass().add("editor-statusbar");
        statusBar.setAlignment(Pos.CENTER_LEFT);

        BorderPane root = new BorderPane(scroller, toolbar, null, statusBar, null);
        root.getStyleClass().add("face-editor");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = ThemeSwitcher.style(new Scene(root, Math.min(1100, screen.getWidth()), Math.min(800, screen.getHeight())));
        scene.getStylesheets().add(STYLESHEET);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> {
            if (dirty.get() && !saving.get()) {
                save(null);
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), this::requestClose);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (draw.isSelected()) {
                draw.setSelected(false);
            } else {
                requestClose();
            }
        });
        unlessTyping(scene, new KeyCodeCombination(KeyCode.B), () -> draw.setSelected(!draw.isSelected()));
        unlessTyping(scene, new KeyCodeCombination(KeyCode.DELETE), this::deleteSelected);
        unlessTyping(scene, new KeyCodeCombination(KeyCode.BACK_SPACE), this::deleteSelected);
        unlessTyping(scene, new KeyCodeCombination(KeyCode.F), () -> fit.set(!fit.get()));
        unlessTyping(scene, new KeyCodeCombination(KeyCode.PLUS), () -> zoomBy(1.25));
        unlessTyping(scene, new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHIFT_ANY), () -> zoomBy(1.25)); // "+" is Shift+= on US keyboards
        unlessTyping(scene, new KeyCodeCombination(KeyCode.MINUS), () -> zoomBy(1 / 1.25));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose();
        });
        // however it was hidden (closed by us, or by its owner), a hidden editor holds no photo
        stage.setOnHidden(e -> {
            opens.drop();
            current.set(null);
            canvas.imageView().setImage(null);
        });

        current.addListener((o, before, now) -> {
            dirty.unbind();
            selected.unbind();
            if (now == null) {
                dirty.set(false);
                selected.set(null);
            } else {
                dirty.bind(now.dirtyBinding());
                selected.bind(now.selectedProperty());
            }
            refreshStatus();
        });
        selected.addListener((o, a, box) -> person.bindTo(box == null || box.locked() ? null : box.personProperty()));
        dirty.addListener((o, a, b) -> refreshStatus());
        session.libraryProperty().addListener((o, a, b) -> {
            if (current.get() != null && dirty.get()) {
                log.warn("event=face_edits_discarded reason=library_closed photo=\"{}\"", current.get().photo().path());
            }
            closeNow();
        });
    }

    /** Opens {@code photo} (a path the user chose) for editing; a refusal is shown in a dialog and nothing opens. */
    public void open(Path photo) {
        whenChangesSettled(() -> load(library -> library.faceQuality().editor().open(photo), null));
    }

    /**
     * Opens a catalogued photo for editing.
     *
     * @param faceId face to select at once, or null
     */
    public void open(long photoId, Long faceId) {
        whenChangesSettled(() -> load(library -> library.faceQuality().editor().open(photoId), faceId));
    }

    public Stage stage() {
        return stage;
    }

    /** True while the shown photo has unsaved changes. */
    public boolean isDirty() {
        return dirty.get();
    }

    /** The photo being edited, null when none (tests). */
    public EditablePhoto photo() {
        EditSession s = current.get();
        return s == null ? null : s.photo();
    }

    /** The labels of the boxes shown, left to right (tests). */
    public List<String> boxLabels() {
        return canvas.views().stream().sorted(java.util.Comparator.comparingDouble(v -> v.edit().boxProperty().get().x()))
                .map(BoxView::labelText).toList();
    }

    /** The boxes shown, left to right, in original-image pixels after EXIF orientation (tests). */
    public List<app.facet.model.BoundingBox> boxes() {
        return canvas.views().stream().map(v -> v.edit().boxProperty().get())
                .sorted(java.util.Comparator.comparingDouble(app.facet.model.BoundingBox::x)).toList();
    }

    /** True while Draw Box is on (tests). */
    public boolean isDrawing() {
        return canvas.drawingProperty().get();
    }

    // ---- opening ----

    private void load(Opener opener, Long faceId) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        opens.background("Opening a photo for editing", (p, c) -> {
            EditablePhoto photo;
            try {
                photo = opener.open(library);
            } catch (EditRefusedException refused) {
                return new Opened(null, null, List.of(), refused);
            }
            DecodedImage image = library.images().load(Path.of(photo.path()));
            List<String> names = library.people().people().stream().map(PersonSummary::person).map(pp -> pp.name()).toList();
            return new Opened(photo, image, names, null);
        }, opened -> {
            if (opened.refusal() != null) {
                showRefusal(opened.refusal());
            } else {
                show(opened, faceId);
            }
        }, error -> Dialogs.error(stage.isShowing() ? stage : owner, "Cannot open the photo for editing", TaskRunner.describe(error)));
    }

    private void reload(Long faceId) {
        EditSession s = current.get();
        if (s != null) {
            long id = s.photo().photoId();
            load(library -> library.faceQuality().editor().open(id), faceId);
        }
    }

    private void showRefusal(EditRefusedException refused) {
        log.info("event=edit_refused reason={} path=\"{}\"", refused.reason(), refused.path());
        Alert alert = Dialogs.styled(new Alert(Alert.AlertType.WARNING, refused.getMessage(), ButtonType.OK), stage.isShowing() ? stage : owner);
        alert.setHeaderText("This file cannot be opened in the face editor");
        alert.getDialogPane().setId("editorRefusal");
        alert.show();
    }

    private void show(Opened opened, Long faceId) {
        EditablePhoto photo = opened.photo();
        DecodedImage d = opened.image();
        WritableImage image = new WritableImage(d.width(), d.height());
        image.getPixelWriter().setPixels(0, 0, d.width(), d.height(), PixelFormat.getByteBgraInstance(), d.bgra(), 0, d.width() * 4);
        canvas.imageView().setImage(image);
        imageScale = (double) d.width() / photo.width();
        EditSession s = new EditSession(photo);
        person.setNames(opened.names());
        draw.setSelected(false);
        current.set(s);
        canvas.show(s, photo.width(), photo.height());
        s.select(faceId);
        s.boxes().addListener((javafx.collections.ListChangeListener<BoxEdit>) c -> refreshStatus());
        String name = Path.of(photo.path()).getFileName().toString();
        stage.setTitle("Facet — Edit Faces — " + name);
        title.setText(name + "  ·  " + photo.width() + " × " + photo.height());
        stage.show();
        stage.toFront();
        applyZoom();
        refreshStatus();
    }

    // ---- editing ----

    private void deleteSelected() {
        EditSession s = current.get();
        BoxEdit b = selected.get();
        if (s != null && b != null) {
            s.delete(b);
        }
    }

    private void save(Runnable then) {
        EditSession s = current.get();
        LibraryContext library = session.library();
        if (s == null || library == null || !dirty.get()) {
            if (then != null) {
                then.run();
            }
            return;
        }
        List<EditedBox> edits = s.edits();
        long photoId = s.photo().photoId();
        String name = Path.of(s.photo().path()).getFileName().toString();
        saving.set(true);
        tasks.run("Saving the faces of " + name, "boxes", (p, c) -> library.faceQuality().editor().save(photoId, edits), result -> {
            saving.set(false);
            session.catalogChanged();
            status.setText(describe(result));
            if (then != null) {
                current.set(null); // saved: nothing left to ask about
                then.run();
            } else {
                load(lib -> lib.faceQuality().editor().open(photoId), null);
            }
        }, error -> {
            saving.set(false);
            Dialogs.error(stage, "The faces of " + name + " were not saved", TaskRunner.describe(error)
                    + "\nNothing was changed in the catalog; your edits are still here.");
        });
    }

    private static String describe(SaveResult r) {
        StringBuilder sb = new StringBuilder("Saved");
        if (r.added() > 0) sb.append(" · ").append(r.added()).append(" added");
        if (r.moved() > 0) sb.append(" · ").append(r.moved()).append(" moved");
        if (r.deleted() > 0) sb.append(" · ").append(r.deleted()).append(" deleted");
        if (r.reassigned() > 0) sb.append(" · ").append(r.reassigned()).append(" renamed");
        if (r.scanState() == app.facet.model.ScanState.NO_FACES) sb.append(" · the photo now has no faces");
        return sb.toString();
    }

    // ---- closing and unsaved changes ----

    private void requestClose() {
        whenChangesSettled(this::closeNow);
    }

    private void closeNow() {
        stage.close();
    }

    /** Runs {@code then} once the shown photo has no unsaved changes: at once, after saving, or after discarding them. */
    private void whenChangesSettled(Runnable then) {
        EditSession s = current.get();
        if (s == null || !dirty.get() || !stage.isShowing()) {
            then.run();
            return;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = Dialogs.styled(new Alert(Alert.AlertType.CONFIRMATION,
                "Your changes to the faces of this photo are lost if you don't save them.", saveButton, discard, ButtonType.CANCEL), stage);
        alert.setHeaderText("Save the changes to " + Path.of(s.photo().path()).getFileName() + "?");
        alert.getDialogPane().setId("editorUnsaved");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return;
        }
        if (answer.get() == saveButton) {
            save(then);
        } else {
            current.set(null);
            then.run();
        }
    }

    // ---- view ----

    private void refreshStatus() {
        EditSession s = current.get();
        if (s == null) {
            status.setText("");
            return;
        }
        int changes = s.changesBinding().get();
        int shown = s.visible().size();
        String text = shown + (shown == 1 ? " face" : " faces")
                + (changes > 0 ? "  ·  " + changes + (changes == 1 ? " unsaved change" : " unsaved changes") : "")
                + "  ·  B: draw  ·  drag a box to move it, a corner to resize  ·  Delete: remove";
        if (s.photo().unreadable() > 0) {
            text += "  ·  ⚠ " + s.photo().unreadable() + " stored face(s) with a broken box are not shown";
        }
        status.setText(text);
    }

    private void zoomBy(double factor) {
        if (current.get() == null) {
            return;
        }
        fit.set(false);
        zoom = Math.max(0.02, Math.min(8, zoom * factor));
        applyZoom();
    }

    private void applyZoom() {
        EditSession s = current.get();
        if (s == null) {
            return;
        }
        if (fit.get()) {
            var viewport = scroller.getViewportBounds();
            double z = Math.min(imageScale, Math.min((viewport.getWidth() - 2) / s.photo().width(), (viewport.getHeight() - 2) / s.photo().height()));
            if (z > 0) {
                zoom = z;
            }
        }
        canvas.setScale(zoom);
    }

    private static Button button(String text, String id, javafx.scene.Node icon, String tip) {
        Button b = new Button(text, icon);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** A single-key shortcut that does not fire while the user types a name. */
    private static void unlessTyping(Scene scene, KeyCombination keys, Runnable action) {
        scene.getAccelerators().put(keys, () -> {
            if (!(scene.getFocusOwner() instanceof TextInputControl)) {
                action.run();
            }
        });
    }
}
