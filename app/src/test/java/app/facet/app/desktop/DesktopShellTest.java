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
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
    LibraryLocation library;
    Path settingsFile;
    FacetApplication app;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        library = new LibraryLocation(tmp.resolve("library"));
        settingsFile = tmp.resolve("config/settings.json");
        // The folder dialog is the operating system's: the user "chooses" the shared photos folder.
        DesktopOptions options = new DesktopOptions(library, SharedPhotos.MODELS, "mobilefacenet", settingsFile,
                (owner, title) -> Optional.of(SharedPhotos.PHOTOS));
        FxToolkit.registerPrimaryStage();
        app = (FacetApplication) FxToolkit.setupApplication(() -> new FacetApplication(options));
        Fx.waitUntil("the library to open", 30, () -> app.window().session().library() != null);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
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
        robot.clickOn("File");
        assertThat(menuTexts()).containsExactly("Add Folder…", "Rescan", "Open Library…", "Export…", "Restore…", "Quit");
        assertThat(menuItem("menuRestore").isDisable()).isFalse();
        assertThat(menuItem("menuExport").isDisable()).isFalse();
        assertThat(menuItem("menuAddFolder").isDisable()).isFalse();
        assertThat(menuItem("menuRescan").isDisable()).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.clickOn("Faces");
        assertThat(menuTexts()).containsExactly("Detect Faces", "Find People", "Face Quality Dashboard", "Edit Faces…");
        assertThat(menuItem("menuDashboard").isDisable()).isFalse();
        assertThat(menuItem("menuEditFaces").isDisable()).isFalse();
        assertThat(menuItem("menuDetectFaces").isDisable()).as("no photo selected").isTrue();
        assertThat(menuItem("menuFindPeople").isDisable()).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.clickOn("Tools");
        assertThat(menuTexts()).containsExactly("Verify Database Integrity…", "Models…", "Write Names to Sidecars…",
                "Keep Sidecars in Sync", "Decisions Needing Review…");
        assertThat(menuItem("menuReview").isDisable()).isFalse();
        assertThat(menuItem("menuVerify").isDisable()).isFalse();
        assertThat(menuItem("menuModels").isDisable()).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void addFolderScanBrowseAndCorrectPeople() throws Exception {
        MainWindow window = app.window();
        PhotoGrid grid = window.libraryView().grid();
        List<SharedPhotos.Label> labels = SharedPhotos.labels();

        // File → Add Folder… scans the folder with the real analyzer
        robot.clickOn("File").clickOn("#menuAddFolder");
        Fx.waitUntil("the scan to finish", 300, () -> window.session().library() != null
                && app.window().stage().getScene().lookup("#taskLabel").isVisible() == false
                && robot.lookup("#statusMessage").queryLabeled().getText().startsWith("Scan completed"));
        assertThat(robot.lookup("#welcome").query().isVisible()).isFalse();

        // the grid shows every photo of the folder, each once, with its thumbnail
        Set<String> catalogued = new TreeSet<>(strings("SELECT path FROM photos"));
        assertThat(catalogued).hasSize(labels.size());
        for (SharedPhotos.Label label : labels) {
            assertThat(catalogued).contains(label.path().toRealPath().toString());
        }
        Fx.waitUntil("the grid to list every photo", 30, () -> grid.size() == labels.size());
        assertThat(robot.lookup("#photoCount").queryLabeled().getText()).isEqualTo(labels.size() + " photos");
        assertThat(photosShownByScrolling(grid)).isEqualTo(catalogued);

        // the sidebar: nobody named yet, every face Unknown
        int faces = count("SELECT count(*) FROM face_crops WHERE not_a_face = 0");
        int photosWithFaces = count("SELECT count(DISTINCT photo_id) FROM face_crops WHERE not_a_face = 0");
        assertThat(faces).isGreaterThanOrEqualTo(labels.stream().mapToInt(SharedPhotos.Label::minFaces).sum());
        assertThat(robot.lookup("#peopleCount").queryLabeled().getText()).isEqualTo("0 of 0 people");
        robot.clickOn(sidebarRow("Unknown"));
        Fx.waitUntil("the grid to show the photos with unknown faces", 10, () -> grid.size() == photosWithFaces);

        // the folder filter, then the viewer on a group photo: one box per face, all Unknown
        showFolder(SharedPhotos.PHOTOS.resolve("groups"));
        Fx.waitUntil("the groups folder", 10, () -> grid.size() == 3);
        robot.doubleClickOn(caption("obama_and_biden.jpg"));
        int groupFaces = count("SELECT count(*) FROM face_crops f JOIN photos p ON p.id = f.photo_id"
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
        robot.clickOn(sidebarRow("Joe Biden"));
        Fx.waitUntil("the grid to show Joe Biden's photos", 10, () -> grid.size() == 1
                && grid.visibleTiles().stream().allMatch(t -> t.photo() != null && t.photo().path().endsWith("biden.jpg")));

        // rename from the context menu changes the catalog
        contextMenuOn(sidebarRow("Joe Biden"));
        robot.clickOn("#personRename");
        robot.lookup("#renameField").queryTextInputControl();
        robot.doubleClickOn("#renameField").eraseText(20).write("Joseph Biden").clickOn("OK");
        Fx.waitUntil("the rename to reach the catalog", 20, () -> strings("SELECT name FROM persons ORDER BY name")
                .equals(List.of("Barack", "Barack Obama", "Joseph Biden")));
        Fx.waitUntil("the sidebar to show the new name", 10, () -> sidebarNames().contains("Joseph Biden"));

        // merge "Barack" into "Barack Obama": one person with both photos
        contextMenuOn(sidebarRow("Barack"));
        robot.clickOn("#personMerge");
        robot.clickOn(".choice-dialog .combo-box").clickOn("Barack Obama  (1 photo)").clickOn("OK");
        robot.clickOn("Merge");
        Fx.waitUntil("the merge to reach the catalog", 20, () -> strings("SELECT name FROM persons ORDER BY name")
                .equals(List.of("Barack Obama", "Joseph Biden")));
        assertThat(count("SELECT photo_count FROM persons WHERE name = 'Barack Obama'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM face_crops f JOIN persons p ON p.id = f.person_id"
                + " WHERE p.name = 'Barack Obama' AND f.assigned_by = 'user'")).isEqualTo(2);
        Fx.waitUntil("two people in the sidebar", 10, () -> robot.lookup("#peopleCount").queryLabeled().getText().equals("2 of 2 people"));

        // undo brings "Barack" back, exactly
        robot.clickOn("#undoButton");
        Fx.waitUntil("the undo to reach the catalog", 20, () -> strings("SELECT name FROM persons ORDER BY name")
                .equals(List.of("Barack", "Barack Obama", "Joseph Biden")));
        assertThat(count("SELECT photo_count FROM persons WHERE name = 'Barack'")).isEqualTo(1);
    }

    // ---- helpers ----

    private void nameOnlyFace(MainWindow window, String folder, String file, String name) {
        showFolder(SharedPhotos.PHOTOS.resolve(folder));
        robot.doubleClickOn(caption(file));
        Fx.waitUntil("the viewer on " + file, 30, () -> window.viewer().photo() != null
                && window.viewer().photo().path().endsWith(file) && window.viewer().boxLabels().size() == 1);
        robot.clickOn(robot.lookup(".face-box").queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow());
        robot.clickOn("#faceAssign");
        robot.clickOn("#assignName").write(name).clickOn("Assign");
        Fx.waitUntil(file + "'s box to be labelled " + name, 20, () -> window.viewer().boxLabels().equals(List.of(name)));
        Fx.waitUntil(name + " in the sidebar", 10, () -> sidebarNames().contains(name));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    /**
     * Right-click: Monocle's headless mouse sends no context-menu request, so deliver the one a desktop platform
     * sends for a right-click on the node's centre.
     */
    private void contextMenuOn(Node node) {
        robot.moveTo(node);
        Fx.run(() -> {
            javafx.geometry.Bounds b = node.getLayoutBounds();
            double x = b.getCenterX(), y = b.getCenterY();
            javafx.geometry.Point2D screen = node.localToScreen(x, y);
            node.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    x, y, screen.getX(), screen.getY(), false, new javafx.scene.input.PickResult(node, x, y)));
        });
    }

    private void showFolder(Path folder) {
        Fx.run(() -> app.window().session().filterProperty().set(
                app.window().session().filter().withPerson(PersonFilter.any()).withFolder(null)));
        robot.clickOn("#folderFilter");
        Path real = real(folder);
        robot.clickOn(robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof Labeled l && real.toString().equals(l.getText()) && n.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no folder " + real + " in the folder filter")));
    }

    private Node caption(String file) {
        Fx.waitUntil("a tile showing " + file, 15, () -> robot.lookup(".photo-tile-caption").queryAll().stream()
                .anyMatch(n -> n instanceof Labeled l && file.equals(l.getText()) && n.isVisible()));
        return robot.lookup(".photo-tile-caption").queryAll().stream()
                .filter(n -> n instanceof Labeled l && file.equals(l.getText()) && n.isVisible()).findFirst().orElseThrow();
    }

    private Node sidebarRow(String name) {
        Fx.waitUntil("a sidebar row " + name, 15, () -> sidebarNames().contains(name));
        return robot.lookup("#peopleList .sidebar-name").queryAll().stream()
                .filter(n -> n instanceof Labeled l && name.equals(l.getText()) && n.isVisible()).findFirst().orElseThrow();
    }

    private List<String> sidebarNames() {
        return robot.lookup("#peopleList .sidebar-name").queryAll().stream()
                .filter(Node::isVisible).map(n -> ((Labeled) n).getText()).toList();
    }

    private javafx.scene.control.MenuItem menuItem(String id) {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) robot.lookup("#mainMenu").query();
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + id));
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

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile());
    }

    private int count(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<String> strings(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
