package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.ui.library.PhotoGrid;
import app.facet.ui.library.PhotoTileView;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop window's start-up order (docs/PERFORMANCE.md, "Desktop first paint, third pass"): the quick integrity
 * check, which the first paint does not need, starts only once the grid lists the library's photos and the tiles on
 * screen show theirs, and it still runs then (its badge shows: the synthetic rows, inserted directly,
 * break some of the catalog's rules). Over a synthetic library of 3,000 photos.
 */
class FirstPaintDesktopTest {
    private static final int PHOTOS = 3000;

    @TempDir
    Path tmp;
    ScannedDesktop d;

    @AfterEach
    void stop() throws Exception {
        ScannedDesktop.stop(d);
    }

    @Test
    void quickCheckWaitsForThePhotosOnScreen() throws Exception {
        LibraryLocation library = SyntheticLibrary.create(tmp, PHOTOS);
        assertThat(library.root()).isEqualTo(ScannedDesktop.libraryIn(tmp).root());
        d = ScannedDesktop.start(tmp, ScannedDesktop.Setup.shared().folder(null));

        // what the grid showed when the check's result (the badge) came; null: it came before this listener
        AtomicReference<String> gridAtBadge = new AtomicReference<>();
        Fx.run(() -> {
            Node badge = d.app.window().stage().getScene().lookup("#integrityBadge");
            if (badge.isVisible()) {
                gridAtBadge.set("badge already shown");
                return;
            }
            badge.visibleProperty().addListener((o, was, visible) -> {
                PhotoGrid grid = d.app.window().libraryView().grid();
                if (visible && gridAtBadge.get() == null) {
                    gridAtBadge.set(grid.size() + " photos listed, on screen shown: " + FirstPaintProbe.listed(grid));
                }
            });
        });

        Fx.waitUntil("the quick check's badge", 60, () -> d.robot.lookup("#integrityBadge").query().isVisible());
        assertThat(d.robot.lookup("#integrityBadge").queryLabeled().getText()).endsWith(" integrity problems");
        assertThat(gridAtBadge.get()).isEqualTo(PHOTOS + " photos listed, on screen shown: true");
        // the thumbnails on screen are rendered into the library folder now; the temporary folder is deleted after them
        Fx.waitUntil("the thumbnails on screen", 60, () -> d.app.window().libraryView().grid().visibleTiles().stream()
                .allMatch(PhotoTileView::hasThumbnail));
    }
}
