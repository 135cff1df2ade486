package app.facet.ui.gallery;

import app.facet.core.browse.PersonSummary;
import app.facet.core.people.PersonFaces;
import app.facet.ui.people.PeopleActions;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.theme.Icons;
import app.facet.ui.theme.ThemeSwitcher;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A person's face gallery (the view Immich and Apple Photos give): every face of the person as a crop, least alike
 * first (to find mistakes), newest first or best first; select with click, Ctrl/Shift+click, the arrow keys and
 * Ctrl+A; move the selection to another or a new person (split), unassign it, mark it "not this person" or "not a
 * face", or make one face the cover. Every action is one undoable step. Opened from the people sidebar
 * (double-click a person, or "Show Faces"); follows catalog changes while open.
 */
public final class PersonGalleryWindow {
    private static final String STYLESHEET = Objects.requireNonNull(PersonGalleryWindow.class.getResource("gallery.css")).toExternalForm();
    static final double CROP = 112;
    private static final double HGAP = 8;

    private final LibrarySession session;
    private final TaskRunner tasks;
    private final PeopleActions actions;
    private final Supplier<List<PersonSummary>> people;
    private final PersonGalleryModel model = new PersonGalleryModel();
    private final Stage stage = new Stage();
    private final TilePane tiles = new TilePane(HGAP, HGAP);
    private final ScrollPane scroll = new ScrollPane(tiles);
    private final Map<Long, FaceTile> tileById = new LinkedHashMap<>();
    private final Map<Path, Image> images = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
            return size() > 2_000;
        }
    };
    private final LatestOnly reads;
    private final LatestOnly imageReads;
    private final Button notThisPerson = new Button();

    /** @param people every person of the library as the sidebar last read them (for Move to…'s completion) */
    public PersonGalleryWindow(Window owner, LibrarySession session, TaskRunner tasks, PeopleActions actions,
                               Supplier<List<PersonSummary>> people) {
        this.session = session;
        this.tasks = tasks;
        this.actions = actions;
        this.people = people;
        this.reads = tasks.latestOnly();
        this.imageReads = tasks.latestOnly();
        stage.initOwner(owner);
        BorderPane root = new BorderPane(centre(), top(), null, null, null);
        root.getStyleClass().add("person-gallery");
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = ThemeSwitcher.style(new Scene(root, Math.min(1000, screen.getWidth()), Math.min(720, screen.getHeight())));
        scene.getStylesheets().add(STYLESHEET);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        // the main window's undo also works here: the gallery's edits are in the same session history
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(KeyCode.Z, javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
                actions::undo);
        stage.setScene(scene);
        stage.titleProperty().bind(model.personNameProperty().map(n -> "Facet — Faces of " + n));

        model.faces().addListener((javafx.collections.ListChangeListener<PersonFaces.PersonFace>) c -> rebuildTiles());
        model.selectedIds().addListener((javafx.collections.ListChangeListener<Long>) c -> showSelection());
        model.coverFaceIdProperty().addListener((o, a, b) -> showSelection());
        session.revisionProperty().addListener((o, a, b) -> {
            if (stage.isShowing()) {
                reload();
            }
        });
        session.libraryProperty().addListener((o, a, b) -> stage.close());
    }

    /** Shows the faces of {@code person} (brings the window to the front if it is open). */
    public void open(PersonSummary person) {
        model.show(person.person().id(), person.person().name());
        reload();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** The gallery's state (tests). */
    public PersonGalleryModel model() {
        return model;
    }

    private Node top() {
        Label title = new Label();
        title.setId("galleryTitle");
        title.getStyleClass().add("gallery-title");
        title.textProperty().bind(model.personNameProperty());
        Label summary = new Label();
        summary.setId("gallerySummary");
        summary.getStyleClass().add("gallery-summary");
        summary.textProperty().bind(model.summaryProperty());
        ComboBox<PersonFaces.Order> sort = new ComboBox<>();
        sort.setId("gallerySort");
        sort.getItems().setAll(PersonFaces.Order.values());
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(PersonFaces.Order o) {
                return o == null ? "" : switch (o) {
                    case SIMILARITY -> "Least alike first";
                    case DATE -> "Newest first";
                    case QUALITY -> "Best quality first";
                };
            }

            @Override
            public PersonFaces.Order fromString(String s) {
                return null;
            }
        });
        sort.valueProperty().bindBidirectional(model.orderProperty());
        sort.setFocusTraversable(false);
        // back to the faces after choosing an order, so the arrow keys move in the grid again
        sort.setOnHidden(e -> tiles.requestFocus());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox heading = new HBox(12, title, summary, grow, new Label("Sort:"), sort);
        heading.setAlignment(Pos.CENTER_LEFT);

        var none = javafx.beans.binding.Bindings.isEmpty(model.selectedIds());
        Button move = button("Move to…", "galleryMove", MaterialDesignA.ACCOUNT_ARROW_RIGHT_OUTLINE, "Move the selected faces to another or a new person (M)", this::move);
        Button unassign = button("Unassign", "galleryUnassign", MaterialDesignA.ACCOUNT_REMOVE_OUTLINE, "Take the selected faces off this person (Delete)", this::unassign);
        notThisPerson.textProperty().bind(model.personNameProperty().map(n -> "Not " + n));
        setUp(notThisPerson, "galleryNotThisPerson", MaterialDesignA.ACCOUNT_CANCEL_OUTLINE,
                "Never suggest the selected faces for this person again (N)", this::notThisPerson);
        Button notAFace = button("Not a Face", "galleryNotAFace", MaterialDesignF.FACE_RECOGNITION, "Mark the selected boxes as not faces (X)", this::notAFace);
        Button cover = button("Set as Cover", "galleryCover", MaterialDesignS.STAR_OUTLINE, "Show this face as the person's avatar (C)", this::setCover);
        for (Button b : List.of(move, unassign, notThisPerson, notAFace)) {
            b.disableProperty().bind(none);
        }
        cover.disableProperty().bind(javafx.beans.binding.Bindings.size(model.selectedIds()).isNotEqualTo(1));
        HBox toolbar = new HBox(8, move, unassign, notThisPerson, notAFace, cover);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, heading, toolbar);
        top.getStyleClass().add("gallery-top");
        return top;
    }

    private Node centre() {
        tiles.setId("galleryFaces");
        tiles.getStyleClass().add("gallery-faces");
        tiles.setPadding(new Insets(10));
        tiles.setPrefColumns(6);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("gallery-scroll");
        tiles.setOnMousePressed(e -> {
            if (e.getTarget() == tiles) {
                model.clearSelection();
            }
        });
        return scroll;
    }

    private void reload() {
        LibraryContext library = session.library();
        long id = model.personId();
        if (library == null || id < 0) {
            return;
        }
        reads.background("Reading the faces of " + model.personNameProperty().get(),
                (p, c) -> PersonGalleryModel.Loaded.read(library.peopleService(), id), loaded -> {
                    if (model.personId() == id) {
                        model.loaded(loaded);
                        loadImages(loaded.faces());
                    }
                }, null);
    }

    /** Decodes the crops not decoded yet, off the UI thread, at tile size. */
    private void loadImages(List<PersonFaces.PersonFace> faces) {
        List<Path> wanted = faces.stream().map(f -> f.face().cropPath()).filter(Objects::nonNull).map(Path::of)
                .filter(p -> !images.containsKey(p)).distinct().toList();
        if (wanted.isEmpty()) {
            return;
        }
        imageReads.background("Loading " + wanted.size() + " face crops", (p, c) -> {
            Map<Path, Image> decoded = new HashMap<>();
            for (Path crop : wanted) {
                if (c.isCancelled()) {
                    break;
                }
                // a crop that cannot be read shows as an empty tile, its face stays usable
                decoded.put(crop, new Image(crop.toUri().toString(), CROP * 2, CROP * 2, true, true, false));
            }
            return decoded;
        }, decoded -> {
            images.putAll(decoded);
            tileById.values().forEach(t -> t.setImage(imageOf(t.face())));
        }, null);
    }

    private Image imageOf(PersonFaces.PersonFace face) {
        return face.face().cropPath() == null ? null : images.get(Path.of(face.face().cropPath()));
    }

    private void rebuildTiles() {
        tileById.clear();
        for (PersonFaces.PersonFace f : model.faces()) {
            FaceTile tile = new FaceTile(f, model.orderProperty().get());
            tile.setImage(imageOf(f));
            tile.setOnMousePressed(e -> {
                long id = f.face().id();
                if (e.getButton() == MouseButton.PRIMARY) {
                    model.click(id, e.isShiftDown(), e.isShortcutDown());
                } else if (e.getButton() == MouseButton.SECONDARY && !model.selectedIds().contains(id)) {
                    model.click(id, false, false);
                }
                tiles.requestFocus();
                e.consume();
            });
            tile.setOnContextMenuRequested(e -> {
                contextMenu().show(tile, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            tileById.put(f.face().id(), tile);
        }
        tiles.getChildren().setAll(tileById.values());
        showSelection();
    }

    private void showSelection() {
        Long cover = model.coverFaceIdProperty().get();
        tileById.forEach((id, tile) -> tile.show(model.selectedIds().contains(id), id.equals(cover)));
    }

    private ContextMenu contextMenu() {
        int n = model.selectedIds().size();
        MenuItem move = item("Move " + (n == 1 ? "Face" : n + " Faces") + " to…", "galleryMenuMove", MaterialDesignA.ACCOUNT_ARROW_RIGHT_OUTLINE, this::move);
        MenuItem unassign = item("Unassign", "galleryMenuUnassign", MaterialDesignA.ACCOUNT_REMOVE_OUTLINE, this::unassign);
        MenuItem notPerson = item("Not " + model.personNameProperty().get(), "galleryMenuNotThisPerson", MaterialDesignA.ACCOUNT_CANCEL_OUTLINE,
                this::notThisPerson);
        MenuItem notAFace = item("Not a Face", "galleryMenuNotAFace", MaterialDesignF.FACE_RECOGNITION, this::notAFace);
        MenuItem cover = item("Set as Cover", "galleryMenuCover", MaterialDesignS.STAR_OUTLINE, this::setCover);
        cover.setDisable(n != 1);
        return new ContextMenu(move, new SeparatorMenuItem(), unassign, notPerson, notAFace, new SeparatorMenuItem(), cover);
    }

    private void key(KeyEvent e) {
        Object focus = stage.getScene().getFocusOwner();
        if (focus instanceof TextInputControl || focus instanceof ComboBoxBase<?>) {
            return;
        }
        int columns = columns();
        boolean plain = !e.isShortcutDown() && !e.isAltDown();
        if (!plain && e.getCode() != KeyCode.A && !e.getCode().isArrowKey()) {
            return; // Ctrl+C, Ctrl+X, Ctrl+Z… are not the one-letter actions (Ctrl+Z is the accelerator: undo)
        }
        boolean handled = true;
        switch (e.getCode()) {
            case LEFT -> model.move(-1, e.isShiftDown());
            case RIGHT -> model.move(1, e.isShiftDown());
            case UP -> model.move(-columns, e.isShiftDown());
            case DOWN -> model.move(columns, e.isShiftDown());
            case A -> {
                if (e.isShortcutDown()) {
                    model.selectAll();
                } else {
                    handled = false;
                }
            }
            case ESCAPE -> model.clearSelection();
            case M -> move();
            case DELETE, BACK_SPACE -> unassign();
            case N -> notThisPerson();
            case X -> notAFace();
            case C -> setCover();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
            scrollToFocus();
        }
    }

    /** How many tiles one row holds at the current width (Up/Down move by a row). */
    int columns() {
        double width = tiles.getWidth() - tiles.getPadding().getLeft() - tiles.getPadding().getRight();
        double tile = tileById.isEmpty() ? CROP + 16 : tileById.values().iterator().next().getWidth();
        return Math.max(1, (int) ((width + HGAP) / (tile + HGAP)));
    }

    private void scrollToFocus() {
        FaceTile tile = model.focus() == null ? null : tileById.get(model.focus());
        if (tile == null || tiles.getHeight() <= scroll.getViewportBounds().getHeight()) {
            return;
        }
        Bounds b = tile.getBoundsInParent();
        double viewport = scroll.getViewportBounds().getHeight();
        double top = scroll.getVvalue() * (tiles.getHeight() - viewport);
        if (b.getMinY() < top) {
            scroll.setVvalue(b.getMinY() / (tiles.getHeight() - viewport));
        } else if (b.getMaxY() > top + viewport) {
            scroll.setVvalue((b.getMaxY() - viewport) / (tiles.getHeight() - viewport));
        }
    }

    private void move() {
        List<Long> ids = List.copyOf(model.selectedIds());
        if (ids.isEmpty()) {
            return;
        }
        String from = model.personNameProperty().get();
        List<String> names = people.get().stream().map(p -> p.person().name()).filter(n -> !n.equalsIgnoreCase(from)).toList();
        new MoveFacesDialog(stage, ids.size(), from, names).ask().ifPresent(name -> actions.moveFaces(ids, name, people.get()));
    }

    private void unassign() {
        List<Long> ids = List.copyOf(model.selectedIds());
        if (!ids.isEmpty()) {
            actions.unassignFaces(ids);
        }
    }

    private void notThisPerson() {
        List<Long> ids = List.copyOf(model.selectedIds());
        if (!ids.isEmpty()) {
            actions.notThisPerson(ids, model.personId());
        }
    }

    private void notAFace() {
        List<Long> ids = List.copyOf(model.selectedIds());
        if (!ids.isEmpty()) {
            actions.notAFace(ids);
        }
    }

    private void setCover() {
        model.coverCandidate().ifPresent(face -> actions.setCover(model.personId(), face));
    }

    private static Button button(String text, String id, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(text);
        setUp(b, id, icon, tip, action);
        return b;
    }

    private static void setUp(Button b, String id, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        b.setId(id);
        b.setGraphic(Icons.small(icon));
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
    }

    private static MenuItem item(String text, String id, org.kordamp.ikonli.Ikon icon, Runnable action) {
        MenuItem item = new MenuItem(text, Icons.small(icon));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
