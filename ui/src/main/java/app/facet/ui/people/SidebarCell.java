package app.facet.ui.people;

import app.facet.ui.theme.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** A sidebar row: avatar, name and count. */
class SidebarCell extends ListCell<SidebarEntry> {
    private final Avatar avatar;
    private final Label name = new Label();
    private final Label count = new Label();
    private final HBox box;
    private final javafx.scene.layout.StackPane iconSlot = new javafx.scene.layout.StackPane();

    private final PersonMenu menu;
    private final PersonDrag drag;

    SidebarCell(Avatar.Images images, PersonMenu menu, PersonDrag drag) {
        this.menu = menu;
        this.drag = drag;
        avatar = new Avatar(18, images);
        name.getStyleClass().add("sidebar-name");
        count.getStyleClass().add("sidebar-count");
        iconSlot.setMinSize(36, 36);
        iconSlot.setPrefSize(36, 36);
        iconSlot.getStyleClass().add("sidebar-icon");
        VBox text = new VBox(name, count);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(10, iconSlot, text);
        box.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("sidebar-cell");
        drag.install(this);
    }

    /** The person this row shows, null for "All photos", "Unknown" and empty rows. */
    app.facet.core.browse.PersonSummary person() {
        return getItem() instanceof SidebarEntry.PersonRow row ? row.summary() : null;
    }

    @Override
    protected void updateItem(SidebarEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().removeAll("sidebar-hidden-person", "sidebar-special");
        if (empty || entry == null) {
            setGraphic(null);
            setText(null);
            setContextMenu(null);
            return;
        }
        name.setText(entry.label());
        name.setGraphic(null);
        setContextMenu(entry instanceof SidebarEntry.PersonRow row ? menu.menuFor(row.summary()) : null);
        if (entry instanceof SidebarEntry.AllPhotos all) {
            iconSlot.getChildren().setAll(Icons.sized(MaterialDesignI.IMAGE_MULTIPLE_OUTLINE, 22));
            count.setText(plural(all.photoCount(), "photo"));
            getStyleClass().add("sidebar-special");
        } else if (entry instanceof SidebarEntry.Unknown unknown) {
            iconSlot.getChildren().setAll(Icons.sized(MaterialDesignA.ACCOUNT_QUESTION_OUTLINE, 22));
            count.setText(plural(unknown.faces().faceCount(), "face") + " in " + plural(unknown.faces().photoCount(), "photo"));
            getStyleClass().add("sidebar-special");
        } else if (entry instanceof SidebarEntry.PersonRow row) {
            var person = row.summary().person();
            avatar.show(person.name(), row.summary().coverCrop());
            iconSlot.getChildren().setAll(avatar);
            String text = plural(person.photoCount(), "photo") + " · " + plural(person.faceCount(), "face");
            if (person.hidden()) {
                text += " · hidden";
                getStyleClass().add("sidebar-hidden-person");
                name.setGraphic(Icons.sized(MaterialDesignE.EYE_OFF_OUTLINE, 12));
            }
            count.setText(text);
        }
        setText(null);
        setGraphic(box);
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
