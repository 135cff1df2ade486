package app.facet.ui.gallery;

import app.facet.core.people.PersonFaces;
import app.facet.model.QualityMetrics;
import app.facet.ui.theme.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.Locale;

/** One face of a gallery: its crop, a star when it is the cover, and what the gallery is sorted by. */
final class FaceTile extends VBox {
    private final PersonFaces.PersonFace face;
    private final ImageView crop = new ImageView();
    private final Label coverBadge = new Label(null, Icons.sized(MaterialDesignS.STAR, 16));

    FaceTile(PersonFaces.PersonFace face, PersonFaces.Order order) {
        this.face = face;
        setId("galleryFace-" + face.face().id());
        getStyleClass().add("gallery-tile");
        crop.setFitWidth(PersonGalleryWindow.CROP);
        crop.setFitHeight(PersonGalleryWindow.CROP);
        crop.setPreserveRatio(true);
        coverBadge.getStyleClass().add("gallery-cover-badge");
        coverBadge.setVisible(false);
        StackPane frame = new StackPane(crop, coverBadge);
        frame.getStyleClass().add("gallery-crop");
        frame.setMinSize(PersonGalleryWindow.CROP, PersonGalleryWindow.CROP);
        frame.setPrefSize(PersonGalleryWindow.CROP, PersonGalleryWindow.CROP);
        StackPane.setAlignment(coverBadge, Pos.TOP_RIGHT);
        Label caption = new Label(caption(order));
        caption.getStyleClass().add("gallery-caption");
        setAlignment(Pos.CENTER);
        getChildren().addAll(frame, caption);
        Tooltip.install(this, new Tooltip(details()));
    }

    PersonFaces.PersonFace face() {
        return face;
    }

    void setImage(Image image) {
        crop.setImage(image);
    }

    void show(boolean selected, boolean cover) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
        coverBadge.setVisible(cover);
    }

    private String caption(PersonFaces.Order order) {
        return switch (order) {
            case SIMILARITY -> face.similarity() == null ? "no embedding" : String.format(Locale.ROOT, "similarity %.2f", face.similarity());
            case DATE -> face.date().length() >= 10 ? face.date().substring(0, 10) : face.date();
            case QUALITY -> quality();
        };
    }

    private String quality() {
        QualityMetrics q = face.face().quality();
        return q == null ? "quality not measured" : String.format(Locale.ROOT, "%s %.2f",
                q.label().name().charAt(0) + q.label().name().substring(1).toLowerCase(Locale.ROOT), q.overall());
    }

    private String details() {
        return "Face " + face.face().id() + "\n" + (face.similarity() == null ? "No embedding to compare"
                : String.format(Locale.ROOT, "Cosine similarity to the person: %.3f", face.similarity()))
                + "\n" + quality() + "\nPhoto date: " + face.date() + "\n" + face.face().imagePath();
    }
}
