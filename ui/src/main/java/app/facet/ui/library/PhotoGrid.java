package app.facet.ui.library;

import app.facet.core.browse.PhotoBrowser;
import app.facet.core.browse.PhotoFilter;
import app.facet.core.browse.PhotoSelection;
import app.facet.core.thumbnails.ThumbnailCache;
import app.facet.model.Photo;
import app.facet.ui.tasks.TaskRunner;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * The virtualised thumbnail grid: a {@link ListView} whose items are row numbers, each cell a row of tiles. Only the
 * rows on screen exist as nodes, only their photos are read from the catalog (a page at a time) and only their
 * thumbnails are requested, so 100k photos scroll like 100.
 * <p>
 * Mouse: click selects, Ctrl/Cmd+click toggles, Shift+click extends, double-click opens. Keys: arrows move,
 * Shift+arrows extend, Enter opens, Ctrl+A selects all, Esc clears.
 */
public final class PhotoGrid extends StackPane {
    static final double CELL_WIDTH = PhotoTile.IMAGE_SIZE + 16;
    static final double ROW_HEIGHT = PhotoTile.IMAGE_SIZE + 36;

    private final TaskRunner tasks;
    private final ListView<Integer> list = new ListView<>();
    private final LibraryGridModel model;
    private final GridSelection selection;
    /**
     * Decoded thumbnails kept for scrolling back: about three screens of a full-screen grid (~100 tiles). Each costs up
     * to ~200 KB of Java heap (160 px ARGB pixels plus the software renderer's texture copy); 1,500 of them would be
     * ~300 MB, more than half the desktop's heap limit (docs/PERFORMANCE.md, "Desktop memory").
     */
    static final int DECODED_THUMBNAILS = 300;
    private final ThumbnailImages images = new ThumbnailImages(DECODED_THUMBNAILS);
    private final List<PhotoRowCell> cells = new ArrayList<>();
    private PhotoPages pages;
    /** Grid index of the first tile on screen when the selection shown was set (its page is read first). */
    private int firstShown;
    private ThumbnailCache thumbnails;
    private int columns = 1;
    private long lastScrollNanos;
    private static final double FAST_ROWS_PER_SECOND = 4;
    private static final long HOLD_OFF_MILLIS = 200;
    private BiConsumer<PhotoSelection, Integer> onOpen = (s, i) -> { };

    /** @param model the grid's state: filter, photos shown, selection */
    public PhotoGrid(TaskRunner tasks, LibraryGridModel model) {
        this.tasks = tasks;
        this.model = model;
        this.selection = model.selection();
        getStyleClass().add("photo-grid");
        list.getStyleClass().add("photo-grid-list");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setFocusTraversable(true);
        list.setCellFactory(v -> {
            PhotoRowCell cell = new PhotoRowCell(this);
            cells.add(cell);
            return cell;
        });
        list.setSelectionModel(new NoSelectionModel<>());
        list.widthProperty().addListener((o, a, b) -> relayout());
        list.skinProperty().addListener((o, a, skin) -> {
            if (skin != null && list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                flow.positionProperty().addListener((p, before, now) -> onScrolled(before.doubleValue(), now.doubleValue()));
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        selection.versionProperty().addListener((o, a, b) -> cells.forEach(PhotoRowCell::repaintSelection));
        getChildren().add(list);
    }

    /**
     * Shows a new selection of photos: for another filter from the start with nothing selected; for the filter shown
     * already (a reload after a change) at the same place, with the same photos selected.
     */
    public void show(PhotoSelection photos, PhotoBrowser browser, ThumbnailCache thumbs) {
        int visibleRow = pages == null ? 0 : firstVisibleRow();
        boolean sameFilter = model.shown(photos.filter(), photos.size(), photos::idAt);
        int keepRow = sameFilter ? visibleRow : 0;
        this.pages = new PhotoPages(tasks, browser, photos);
        this.firstShown = keepRow * columns;
        this.thumbnails = thumbs;
        list.getItems().setAll(rows());
        list.refresh();
        if (keepRow > 0) {
            list.scrollTo(keepRow); // a reload after a scan keeps the user's place
        } else {
            list.scrollTo(0);
        }
    }

    /**
     * Runs {@code action} (UI thread) after the pulse that lays out the tiles on screen with their photos: once the
     * page of photos at the top of the selection shown is read (or its read failed), at once when nothing is shown.
     * Start-up work the window's first paint does not need waits for it (docs/PERFORMANCE.md, "Desktop first paint").
     */
    public void afterPhotosOnScreen(Runnable action) {
        PhotoPages current = pages;
        if (current == null || size() == 0) {
            action.run();
            return;
        }
        current.whenRead(Math.min(firstShown, size() - 1), () -> afterNextLayout(action));
    }

    private void afterNextLayout(Runnable action) {
        Scene scene = getScene();
        if (scene == null) {
            action.run();
            return;
        }
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    // removed later: the scene is iterating over its listeners now
                    Platform.runLater(() -> {
                        scene.removePostLayoutPulseListener(this);
                        action.run();
                    });
                }
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    /** Empties the grid (no library open). */
    public void clear() {
        pages = null;
        model.clear();
        list.getItems().clear();
    }

    public void setOnOpen(BiConsumer<PhotoSelection, Integer> handler) {
        this.onOpen = handler;
    }

    public PhotoSelection photos() {
        return pages == null ? PhotoSelection.empty(PhotoFilter.ALL) : pages.selection();
    }

    public int size() {
        return pages == null ? 0 : pages.selection().size();
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selection.countProperty();
    }

    /** @return ids of the selected photos, in grid order */
    public long[] selectedIds() {
        return model.selectedIds();
    }

    /** @return the tiles on screen now, photo null while its page is still being read (tests, benchmarks) */
    public List<PhotoTileView> visibleTiles() {
        List<PhotoTileView> out = new ArrayList<>();
        for (PhotoRowCell cell : cells) {
            if (cell.isVisible() && !cell.isEmpty() && cell.getParent() != null) {
                for (PhotoTile t : cell.tiles()) {
                    if (t.isVisible() && t.index() >= 0 && t.getScene() != null) {
                        out.add(new PhotoTileView(t.index(), t.photo(), t.hasThumbnail()));
                    }
                }
            }
        }
        return out;
    }

    /** The control that scrolls (benchmarks drive it). */
    public ListView<Integer> listView() {
        return list;
    }

    int columns() {
        return columns;
    }

    boolean isSelected(int index) {
        return selection.isSelected(index);
    }

    PhotoTile newTile() {
        PhotoTile tile = new PhotoTile(thumbnails, images);
        tile.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> onClick(tile, e));
        return tile;
    }

    /** Fills a tile with grid index {@code index}, reading its page first when needed. */
    void fill(PhotoTile tile, int index) {
        PhotoPages current = pages;
        if (current == null) {
            tile.clear();
            return;
        }
        Photo photo = current.photoAt(index, () -> {
            if (pages == current && tile.index() == index) {
                tile.show(index, current.photoAt(index, () -> { }));
            }
        });
        tile.show(index, photo);
        tile.setSelected(selection.isSelected(index));
    }

    private void onClick(PhotoTile tile, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || tile.index() < 0) {
            return;
        }
        int index = tile.index();
        list.requestFocus();
        if (e.getClickCount() == 2) {
            selection.select(index);
            onOpen.accept(photos(), index);
        } else if (e.isShortcutDown()) {
            selection.toggle(index);
        } else if (e.isShiftDown()) {
            selection.extendTo(index);
        } else {
            selection.select(index);
        }
        e.consume();
    }

    private void onKey(KeyEvent e) {
        int n = size();
        if (n == 0) {
            return;
        }
        int lead = Math.max(0, selection.lead());
        int target = switch (e.getCode()) {
            case LEFT -> lead - 1;
            case RIGHT -> lead + 1;
            case UP -> lead - columns;
            case DOWN -> lead + columns;
            case HOME -> 0;
            case END -> n - 1;
            default -> Integer.MIN_VALUE;
        };
        if (target != Integer.MIN_VALUE) {
            target = Math.max(0, Math.min(n - 1, target));
            if (e.isShiftDown()) {
                selection.extendTo(target);
            } else {
                selection.select(target);
            }
            list.scrollTo(Math.max(0, target / columns - 1));
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && selection.lead() >= 0) {
            onOpen.accept(photos(), selection.lead());
            e.consume();
        } else if (e.getCode() == KeyCode.A && e.isShortcutDown()) {
            selection.selectAll();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            selection.clear();
            e.consume();
        }
    }

    /**
     * While the user flies through the grid (more than {@value #FAST_ROWS_PER_SECOND} rows a second), thumbnail
     * rendering waits: the CPU goes to drawing frames, and the rows on screen when scrolling slows down get theirs.
     */
    private void onScrolled(double before, double now) {
        long t = System.nanoTime();
        double rows = Math.abs(now - before) * list.getItems().size();
        double seconds = Math.max(1e-3, (t - lastScrollNanos) / 1e9);
        lastScrollNanos = t;
        if (thumbnails != null && rows / seconds > FAST_ROWS_PER_SECOND) {
            thumbnails.holdOff(HOLD_OFF_MILLIS);
        }
    }

    private void relayout() {
        // the vertical scroll bar takes ~16 px; keep a margin so that a row never overflows the viewport
        int fit = Math.max(1, (int) ((list.getWidth() - 24) / CELL_WIDTH));
        if (fit != columns) {
            int first = firstVisibleRow() * columns;
            columns = fit;
            list.getItems().setAll(rows());
            list.refresh();
            list.scrollTo(first / columns);
        }
    }

    private ObservableList<Integer> rows() {
        int n = size();
        int rows = (n + columns - 1) / columns;
        return FXCollections.observableArrayList(IntStream.range(0, rows).boxed().toList());
    }

    private int firstVisibleRow() {
        int first = Integer.MAX_VALUE;
        for (PhotoRowCell cell : cells) {
            if (cell.isVisible() && cell.getItem() != null && cell.getParent() != null
                    && cell.localToScene(0, 0).getY() >= list.localToScene(0, 0).getY() - ROW_HEIGHT / 2) {
                first = Math.min(first, cell.getItem());
            }
        }
        return first == Integer.MAX_VALUE ? 0 : first;
    }
}
