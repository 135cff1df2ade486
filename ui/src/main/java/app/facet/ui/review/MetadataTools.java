package app.facet.ui.review;

import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.sidecars.SidecarActions;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.theme.Icons;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Tools menu's items for names in photo metadata and decisions needing review: Write Names to Sidecars…,
 * Keep Sidecars in Sync (a check item), Decisions Needing Review….
 */
public final class MetadataTools {
    private final SidecarActions sidecars;
    private final ReviewWindow review;
    private final List<MenuItem> items;

    /** @param openPhoto shows a photo in the system's viewer */
    public MetadataTools(Window owner, LibrarySession session, TaskRunner tasks, UserSettingsStore settings, Consumer<Path> openPhoto) {
        sidecars = new SidecarActions(owner, session, tasks, settings);
        review = new ReviewWindow(owner, new ReviewViewModel(session, tasks), openPhoto);
        BooleanBinding closed = session.openBinding().not();

        MenuItem write = new MenuItem("Write Names to Sidecars…", Icons.small(MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE));
        write.setId("menuWriteSidecars");
        write.disableProperty().bind(closed.or(tasks.busyBinding()));
        write.setOnAction(e -> sidecars.writeAll());
        CheckMenuItem sync = new CheckMenuItem("Keep Sidecars in Sync");
        sync.setId("menuKeepSidecarsInSync");
        sync.selectedProperty().bindBidirectional(sidecars.keepInSyncProperty());
        MenuItem needingReview = new MenuItem("Decisions Needing Review…", Icons.small(MaterialDesignC.CLIPBOARD_ALERT_OUTLINE));
        needingReview.setId("menuReview");
        needingReview.disableProperty().bind(closed);
        needingReview.setOnAction(e -> review.open());
        items = List.of(new SeparatorMenuItem(), write, sync, new SeparatorMenuItem(), needingReview);
    }

    /** @return the items, in order, for the Tools menu */
    public List<MenuItem> menuItems() {
        return items;
    }

    public SidecarActions sidecars() {
        return sidecars;
    }

    public ReviewWindow reviewWindow() {
        return review;
    }
}
