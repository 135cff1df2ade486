package app.facet.ui.library;

import app.facet.core.thumbnails.ThumbnailCache;
import app.facet.core.thumbnails.ThumbnailKey;
import app.facet.model.Photo;
import app.facet.model.ScanState;
import app.facet.ui.theme.Icons;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * One photo in the grid: its thumbnail (loaded lazily, only while the tile shows that photo), file name, and a
 * badge with the face count. Tiles are reused as the grid scrolls: {@link #show} replaces the photo.
 */
final class PhotoTile extends VBox {
    static final double IMAGE_SIZE = 160;
    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final ThumbnailCache thumbnails;
    private final ThumbnailImages images;
    private final ImageView view = new ImageView();
    // one node per state, shown or hidden: changing a FontIcon's glyph restyles it, too slow for every scrolled tile
    private final FontIcon placeholder = Icons.sized(MaterialDesignI.IMAGE_OUTLINE, 40);
    private final FontIcon broken = Icons.sized(MaterialDesignI.IMAGE_BROKEN_VARIANT, 40);
    private final FontIcon missingFile = Icons.sized(MaterialDesignF.FILE_QUESTION_OUTLINE, 40);
    private final Label faces = new Label();
    private final Label caption = new Label();
    private final Tooltip tooltip = new Tooltip();
    private Photo photo;
    private int index = -1;
    private boolean retried;
    private boolean selected;

    PhotoTile(ThumbnailCache thumbnails, ThumbnailImages images) {
        this.thumbnails = thumbnails;
        this.images = images;
        getStyleClass().add("photo-tile");
        view.setFitWidth(IMAGE_SIZE);
        view.setFitHeight(IMAGE_SIZE);
        view.setPreserveRatio(true);
        placeholder.getStyleClass().add("photo-tile-placeholder");
        broken.getStyleClass().add("photo-tile-placeholder");
        missingFile.getStyleClass().add("photo-tile-placeholder");
        faces.getStyleClass().add("photo-tile-faces");
        faces.setGraphic(Icons.sized(MaterialDesignA.ACCOUNT, 12));
        StackPane.setAlignment(faces, Pos.BOTTOM_RIGHT);
        StackPane frame = new StackPane(placeholder, broken, missingFile, view, faces);
        frame.getStyleClass().add("photo-tile-frame");
        frame.setMinSize(IMAGE_SIZE, IMAGE_SIZE);
        frame.setPrefSize(IMAGE_SIZE, IMAGE_SIZE);
        frame.setMaxSize(IMAGE_SIZE, IMAGE_SIZE);
        caption.getStyleClass().add("photo-tile-caption");
        caption.setMaxWidth(IMAGE_SIZE);
        setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(frame, caption);
        Tooltip.install(this, tooltip);
        clear();
    }

    /** Shows grid index {@code index}; {@code photo} null while its catalog page is still loading. */
    void show(int index, Photo photo) {
        if (this.index == index && this.photo == photo) {
            return;
        }
        this.index = index;
        this.photo = photo;
        this.retried = false;
        view.setImage(null);
        showIcon(placeholder);
        if (photo == null) {
            caption.setText("");
            faces.setVisible(false);
            tooltip.setText("");
            return;
        }
        Path path = Path.of(photo.path());
        caption.setText(path.getFileName().toString());
        faces.setText(Integer.toString(photo.faceCount()));
        faces.setVisible(photo.faceCount() > 0);
        tooltip.setText(describe(photo, path));
        if (photo.missing()) {
            showIcon(missingFile);
            return;
        }
        loadThumbnail(photo);
    }

    void clear() {
        index = -1;
        photo = null;
        view.setImage(null);
        caption.setText("");
        faces.setVisible(false);
        showIcon(null);
    }

    private void showIcon(FontIcon icon) {
        placeholder.setVisible(icon == placeholder);
        broken.setVisible(icon == broken);
        missingFile.setVisible(icon == missingFile);
    }

    int index() {
        return index;
    }

    Photo photo() {
        return photo;
    }

    /** @return true once the thumbnail image is decoded and shown (tests and benchmarks wait for it) */
    boolean hasThumbnail() {
        Image image = view.getImage();
        return image != null && image.getProgress() >= 1.0 && !image.isError();
    }

    void setSelected(boolean selected) {
        if (selected != this.selected) { // a pseudo-class change restyles the tile: only when it really changes
            this.selected = selected;
            pseudoClassStateChanged(SELECTED, selected);
        }
    }

    private void loadThumbnail(Photo shown) {
        ThumbnailKey key = new ThumbnailKey(shown.id(), Path.of(shown.path()), shown.contentHash(), shown.mtimeMillis(), shown.sizeBytes());
        Image cached = images.get(key);
        if (cached != null) {
            display(cached);
            return;
        }
        thumbnails.request(key).whenComplete((file, error) -> Platform.runLater(() -> {
            if (photo != shown) {
                return; // the tile moved on to another photo while this one was rendered
            }
            if (error == null) {
                Image image = new Image(file.toUri().toString(), IMAGE_SIZE, IMAGE_SIZE, true, true, true);
                images.put(key, image);
                display(image);
            } else if (isDropped(error) && !retried) {
                retried = true; // dropped from the queue while scrolling fast, but still on screen: ask again
                loadThumbnail(shown);
            } else {
                showIcon(broken);
                tooltip.setText(tooltip.getText() + "\n" + cause(error).getMessage());
            }
        }));
    }

    private void display(Image image) {
        view.setImage(image);
        if (image.getProgress() >= 1.0) {
            showIcon(image.isError() ? broken : null);
        } else {
            image.progressProperty().addListener((obs, old, now) -> {
                if (now.doubleValue() >= 1.0 && view.getImage() == image) {
                    showIcon(image.isError() ? broken : null);
                }
            });
        }
    }

    private static boolean isDropped(Throwable error) {
        return cause(error) instanceof CancellationException;
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static String describe(Photo p, Path path) {
        StringBuilder sb = new StringBuilder(path.toString());
        if (p.takenAt() != null) {
            sb.append("\nTaken ").append(DATE.format(p.takenAt()));
        }
        if (p.width() != null && p.height() != null) {
            sb.append("\n").append(p.width()).append(" × ").append(p.height());
        }
        sb.append("\n").append(p.faceCount()).append(p.faceCount() == 1 ? " face" : " faces");
        if (p.missing()) {
            sb.append("\nThe file is missing from disk.");
        }
        if (p.scanState() == ScanState.FAILED && p.failureReason() != null) {
            sb.append("\nCould not be analysed: ").append(p.failureReason());
        }
        return sb.toString();
    }
}
