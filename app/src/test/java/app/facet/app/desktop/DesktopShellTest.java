package app.facet.app.desktop;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PhotoFilter;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.library.PhotoGrid;
import app.facet.ui.library.PhotoTileView;
import app.facet.ui.main.MainWindow;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real desktop app (FacetApplication with the OpenCV/ONNX analyzer, a real SQLite library in a temporary folder)
 * driven like a user, headless (Monocle), over the shared photos: add folder → scan → grid → sidebar → viewer →
 * naming, renaming, merging and undo, each checked in the catalog itself.
 */
class DesktopShellTest {
    @TempDir
    Path tmp;
    ScannedDesktop d;
    LibraryLocation library;
    Path settingsFile;
    FacetApplication app;
    FxRobot robot;

    @BeforeEach
    void start() throws Exception {
        // The folder dialog is the operating system's: the user "chooses" the shared photos folder.
        d = ScannedDesktop.start(tmp, ScannedDesktop.Setup.shared()).awaitLibrary();
        library = d.library;
        settingsFile = d.settingsFile;
        app = d.app;
        robot = d.robot;
    }

    @AfterEach
    void stop() throws Exception {
        ScannedDesktop.stop(d);
    }

    @Test
    void firstStartOffersAddFolderAndRemembersTheLibrary() {
        MainWindow window = app.window();
        assertThat(Fx.get(() -> window.stage().getTitle())).startsWith("Facet");
        Fx.waitUntil("the welcome pane of an empty library", 10, () -> robot.lookup("#welcome").query().isVisible());
        assertThat(robot.lookup("#welcomeAddFolder").queryButton().getText()).isEqualTo("Add Folder…");
        Fx.waitUntil("the library to be remembered", 10,
                () -> library.root().toString().equals(new UserSettingsStore(settingsFile).load().lastLibrary()));
    }

    @Test
    void menusAreCompleteAndUnbuiltFeaturesAreDisabled() {
        Fx.waitUntil("no task running", 10, () -> !app.window().session().library().location().root().toString().isEmpty()
                && robot.lookup("#taskLabel").query().isVisible() == false);
        d.openMenu("File");
        assertThat(Fx.get(this::menuTexts)).containsExactly("Add Folder…", "Rescan", "Open Library…", "Export…", "Restore…", "Quit");
        assertThat(d.menuItem("menuRestore").isDisable()).isFalse();
        assertThat(d.menuItem("menuExport").isDisable()).isFalse();
        assertThat(d.menuItem("menuAddFolder").isDisable()).isFalse();
        assertThat(d.menuItem("menuRescan").isDisable()).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        d.openMenu("Faces");
        assertThat(Fx.get(this::menuTexts)).containsExactly("Detect Faces", "Find People", "Face Quality Dashboard", "Edit Faces…");
        assertThat(d.menuItem("menuDashboard").isDisable()).isFalse();
        assertThat(d.menuItem("menuEditFaces").isDisable()).isFalse();
        assertThat(d.menuItem("menuDetectFaces").isDisable()).as("no photo selected").isTrue();
        assertThat(d.menuItem("menuFindPeople").isDisable()).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        d.openMenu("Tools");
        assertThat(Fx.get(this::menuTexts)).containsExactly("Verify Database Integrity…", "Models…", "Write Names to Sidecars…",
                "Keep Sidecars in Sync", "Decisions Needing Review…");
        assertThat(d.menuItem("menuReview").isDisable()).isFalse();
        assertThat(d.menuItem("menuVerify").isDisable()).isFalse();
        assertThat(d.menuItem("menuModels").isDisable()).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void addFolderScanBrowseAndCorrectPeople() throws Exception {
        MainWindow window = app.window();
        PhotoGrid grid = window.libraryView().grid();
        List<SharedPhotos.Label> labels = SharedPhotos.labels();

        // File → Add Folder… scans the folder with the real analyzer
        d.menu("File", "#menuAddFolder");
        Fx.waitUntil("the scan to finish", 300, () -> window.session().library() != null
                && app.window().stage().getScene().lookup("#taskLabel").isVisible() == false
                && robot.lookup("#statusMessage").queryLabeled().getText().startsWith("Scan completed"));
        assertThat(robot.lookup("#welcome").query().isVisible()).isFalse();

        // the grid shows every photo of the folder, each once, with its thumbnail
        Set<String> catalogued = new TreeSet<>(d.strings("SELECT path FROM photos"));
        assertThat(catalogued).hasSize(labels.size());
        for (SharedPhotos.Label label : labels) {
            assertThat(catalogued).contains(label.path().toRealPath().toString());
        }
        Fx.waitUntil("the grid to list every photo", 30, () -> grid.size() == labels.size());
        assertThat(robot.lookup("#photoCount").queryLabeled().getText()).isEqualTo(labels.size() + " photos");
        assertThat(photosShownByScrolling(grid)).isEqualTo(catalogued);

        // the sidebar: nobody named yet, every face Unknown
        int faces = d.count("SELECT count(*) FROM face_crops WHERE not_a_face = 0");
        int photosWithFaces = d.count("SELECT count(DISTINCT photo_id) FROM face_crops WHERE not_a_face = 0");
        assertThat(faces).isGreaterThanOrEqualTo(labels.stream().mapToInt(SharedPhotos.Label::minFaces).sum());
        assertThat(robot.lookup("#peopleCount").queryLabeled().getText()).isEqualTo("0 of 0 people");
        robot.clickOn(d.sidebarRow("Unknown"));
        Fx.waitUntil("the grid to show the photos with unknown faces", 10, () -> grid.size() == photosWithFaces);

        // the folder filter, then the viewer on a group photo: one box per face, all Unknown
        showFolder(SharedPhotos.PHOTOS.resolve("groups"));
        Fx.waitUntil("the groups folder", 10, () -> grid.size() == 3);
        robot.doubleClickOn(d.caption("obama_and_biden.jpg"));
        int groupFaces = d.count("SELECT count(*) FROM face_crops f JOIN photos p ON p.id = f.photo_id"
                + " WHERE p.path LIKE '%obama_and_biden.jpg' AND f.not_a_face = 0");
        Fx.waitUntil("the viewer to show the photo's face boxes", 30,
                () -> window.viewer().photo() != null && window.viewer().boxLabels().size() == groupFaces);
        assertThat(window.viewer().boxLabels()).allMatch("Unknown"::equals);
        assertThat(Fx.get(() -> window.viewer().stage().getTitle())).isEqualTo("Facet — obama_and_biden.jpg");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        // naming faces in the viewer creates people (labels.csv says who is in each single-person photo)
        nameOnlyFace(window, "people/barack_obama", "obama.jpg", "Barack Obama");
        nameOnlyFace(window, "people/barack_obama", "obama2.jpg", "Barack");
        nameOnlyFace(window, "people/joe_biden", "biden.jpg", "Joe Biden");
        Fx.run(() -> window.session().filterProperty().set(PhotoFilter.ALL));
        Fx.waitUntil("three people in the sidebar", 10,
                () -> robot.lookup("#peopleCount").queryLabeled().getText().equals("3 of 3 people"));
        robot.clickOn("#peopleSearch").write("bar");
        Fx.waitUntil("the search to narrow the list", 10, () -> robot.lookup("#peopleCount").queryLabeled().getText().equals("2 of 3 people"));
        robot.doubleClickOn("#peopleSearch").eraseText(3);

        // clicking a person filters the grid to that person's photos
        robot.clickOn(d.sidebarRow("Joe Biden"));
        Fx.waitUntil("the grid to show Joe Biden's photos", 10, () -> grid.size() == 1
                && grid.visibleTiles().stream().allMatch(t -> t.photo() != null && t.photo().path().endsWith("biden.jpg")));

        // rename from the context menu changes the catalog
        d.contextMenuOn(d.sidebarRow("Joe Biden"));
        d.clickVisible("#personRename");
        robot.lookup("#renameField").queryTextInputControl();
        robot.doubleClickOn("#renameField").eraseText(20).write("Joseph Biden").clickOn("OK");
        Fx.waitUntil("the rename to reach the catalog", 20, () -> d.strings("SELECT name FROM persons ORDER BY name")
                .equals(List.of("Barack", "Barack Obama", "Joseph Biden")));
        Fx.waitUntil("the sidebar to show the new name", 10, () -> d.sidebarCell("Joseph Biden") != null);

        // merge "Barack" into "Barack Obama": one person with both photos
        d.contextMenuOn(d.sidebarRow("Barack"));
        d.clickVisible("#personMerge");
        robot.clickOn(".choice-dialog .combo-box");
        d.clickVisible(".list-cell", n -> n instanceof Labeled l && "Barack Obama  (1 photo)".equals(l.getText()));
        robot.clickOn("OK");
        robot.clickOn("Merge");
        Fx.waitUntil("the merge to reach the catalog", 20, () -> d.strings("SELECT name FROM persons ORDER BY name")
                .equals(List.of("Barack Obama", "Joseph Biden")));
        assertThat(d.count("SELECT photo_count FROM persons WHERE name = 'Barack Obama'")).isEqualTo(2);
        assertThat(d.count("SELECT count(*) FROM face_crops f JOIN persons p ON p.id = f.person_id"
                + " WHERE p.name = 'Barack Obama' AND f.assigned_by = 'user'")).isEqualTo(2);
        Fx.waitUntil("two people in the sidebar", 10, () -> robot.lookup("#peopleCount").queryLabeled().getText().equals("2 of 2 people"));

        // undo brings "Barack" back, exactly
        robot.clickOn("#undoButton");
        Fx.waitUntil("the undo to reach the catalog", 20, () -> d.strings("SELECT name FROM persons ORDER BY name")
                .equals(List.of("Barack", "Barack Obama", "Joseph Biden")));
        assertThat(d.count("SELECT photo_count FROM persons WHERE name = 'Barack'")).isEqualTo(1);
    }

    // ---- helpers ----

    private void nameOnlyFace(MainWindow window, String folder, String file, String name) {
        showFolder(SharedPhotos.PHOTOS.resolve(folder));
        robot.doubleClickOn(d.caption(file));
        Fx.waitUntil("the viewer on " + file, 30, () -> window.viewer().photo() != null
                && window.viewer().photo().path().endsWith(file) && window.viewer().boxLabels().size() == 1);
        robot.clickOn(robot.lookup(".face-box").queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow());
        d.clickVisible("#faceAssign");
        robot.clickOn("#assignName").write(name).clickOn("Assign");
        Fx.waitUntil(file + "'s box to be labelled " + name, 20, () -> window.viewer().boxLabels().equals(List.of(name)));
        Fx.waitUntil(name + " in the sidebar", 10, () -> d.sidebarCell(name) != null);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    private void showFolder(Path folder) {
        Fx.run(() -> app.window().session().filterProperty().set(
                app.window().session().filter().withPerson(PersonFilter.any()).withFolder(null)));
        robot.clickOn("#folderFilter");
        Path real = ScannedDesktop.real(folder);
        d.clickVisible(".list-cell", n -> n instanceof Labeled l && real.toString().equals(l.getText()));
    }

    private List<String> menuTexts() {
        List<String> out = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && !(w instanceof Stage)) {
                w.getScene().getRoot().lookupAll(".menu-item .label").stream()
                        .filter(n -> !n.getStyleClass().contains("accelerator-text"))
                        .forEach(n -> out.add(((Labeled) n).getText()));
            }
        }
        return out;
    }

    /** Scrolls the grid from top to bottom and collects every photo path shown, checking each thumbnail appears. */
    private Set<String> photosShownByScrolling(PhotoGrid grid) {
        Set<String> seen = new HashSet<>();
        ListView<Integer> list = grid.listView();
        int rows = Fx.get(() -> list.getItems().size());
        for (int r = 0; r < rows; r++) {
            int row = r;
            Fx.run(() -> list.scrollTo(row));
            Fx.waitUntil("row " + row + " with its photos and thumbnails", 60, () -> {
                List<PhotoTileView> tiles = grid.visibleTiles();
                return !tiles.isEmpty() && tiles.stream().allMatch(t -> t.photo() != null && t.hasThumbnail());
            });
            Fx.get(grid::visibleTiles).forEach(t -> seen.add(t.photo().path()));
        }
        return new TreeSet<>(seen);
    }
}
