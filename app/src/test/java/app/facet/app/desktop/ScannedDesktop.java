package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.ui.editor.FaceEditorWindow;
import app.facet.ui.main.SaveFileChooser;
import app.facet.ui.models.ModelFileChooser;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.robot.Motion;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The real desktop app (FacetApplication with the OpenCV/ONNX analyzer and the test model) started by TestFX over a
 * new library, with the shared photos scanned through File → Add Folder, as a user does it; plus what the desktop
 * tests share: naming a photo's face through the library's PeopleService, finding sidebar rows, photo tiles and
 * dialogs, menus and a context menu on a node, and reading the catalog file with plain JDBC as an independent witness.
 */
final class ScannedDesktop {
    final LibraryLocation library;
    /** The user settings file the app was started with (remembered library, last folder, embedding model). */
    final Path settingsFile;
    final FacetApplication app;
    final FxRobot robot = new FxRobot();

    private ScannedDesktop(LibraryLocation library, Path settingsFile, FacetApplication app) {
        this.library = library;
        this.settingsFile = settingsFile;
        this.app = app;
    }

    /**
     * How a test starts the app: the folder the "system" folder dialog returns (null: the user cancels), the models
     * folder and embedding model id (null: none chosen), and the save and model file dialogs.
     */
    record Setup(Path folder, Path models, String embeddingModel, SaveFileChooser saves, ModelFileChooser modelFiles) {
        /** The shared photos and models with mobilefacenet; the system's save and model file dialogs. */
        static Setup shared() {
            return new Setup(SharedPhotos.PHOTOS, SharedPhotos.MODELS, "mobilefacenet", SaveFileChooser.system(), ModelFileChooser.system());
        }

        Setup folder(Path chosen) {
            return new Setup(chosen, models, embeddingModel, saves, modelFiles);
        }

        Setup models(Path dir, String embeddingModelId) {
            return new Setup(folder, dir, embeddingModelId, saves, modelFiles);
        }

        Setup saves(SaveFileChooser chooser) {
            return new Setup(folder, models, embeddingModel, chooser, modelFiles);
        }

        Setup modelFiles(ModelFileChooser chooser) {
            return new Setup(folder, models, embeddingModel, saves, chooser);
        }
    }

    /** Starts the app on a new library under {@code tmp} and scans ../shared/photos (waits up to 5 minutes). */
    static ScannedDesktop startAndScan(Path tmp) throws Exception {
        return start(tmp, Setup.shared()).awaitLibrary().scan();
    }

    /**
     * Starts the app on the library {@code tmp/library} (created when missing) with its settings in
     * {@code tmp/config/settings.json}; returns without waiting for anything.
     */
    static ScannedDesktop start(Path tmp, Setup setup) throws Exception {
        LibraryLocation library = libraryIn(tmp);
        Path settings = tmp.resolve("config/settings.json");
        DesktopOptions options = new DesktopOptions(library, setup.models(), setup.embeddingModel(), settings,
                (owner, title) -> Optional.ofNullable(setup.folder()), setup.saves(), setup.modelFiles());
        FxToolkit.registerPrimaryStage();
        FacetApplication app = (FacetApplication) FxToolkit.setupApplication(() -> new FacetApplication(options));
        return new ScannedDesktop(library, settings, app);
    }

    /** @return the library {@link #start} opens: {@code tmp/library} (a test may prepare its catalog first) */
    static LibraryLocation libraryIn(Path tmp) {
        return new LibraryLocation(tmp.resolve("library"));
    }

    /** Waits (up to 30 s) until the window has opened the library. */
    ScannedDesktop awaitLibrary() {
        Fx.waitUntil("the library to open", 30, () -> app.window().session().library() != null);
        return this;
    }

    /** File → Add Folder… (the folder of the {@link Setup}), then waits up to 5 minutes for "Scan completed". */
    ScannedDesktop scan() {
        menu("File", "#menuAddFolder");
        Fx.waitUntil("the scan to finish", 300, () -> status().startsWith("Scan completed"));
        return this;
    }

    /** @return the status bar's message */
    String status() {
        return Fx.get(() -> ((Labeled) app.window().stage().getScene().lookup("#statusMessage")).getText());
    }

    /** Stops the app (when {@code d} started one) and closes every stage: for an {@code @AfterAll}/{@code @AfterEach}. */
    static void stop(ScannedDesktop d) throws Exception {
        if (d != null) {
            d.stop();
        } else {
            FxToolkit.cleanupStages();
        }
    }

    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Closes every window but the main one (and any menu left open by a failed test) and brings it to the front. */
    void onlyTheMainWindow() {
        Fx.run(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage st && st != app.window().stage()) {
                    st.close();
                } else if (w instanceof javafx.stage.PopupWindow popup) {
                    popup.hide();
                }
            }
            app.window().stage().toFront();
        });
    }

    /** @return the id of the largest face (not "not a face") the scan stored for a shared photo, e.g. "people/kit_harington/kit1.jpg" */
    long faceIn(String photo) {
        return number("SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path = ? AND f.not_a_face = 0 "
                + "ORDER BY f.w * f.h DESC", real(SharedPhotos.PHOTOS.resolve(photo)).toString());
    }

    /** Names the largest face of each photo {@code person}, through the library's PeopleService, and waits for the sidebar. */
    List<Long> name(String person, String... photos) {
        List<Long> faces = new ArrayList<>();
        for (String photo : photos) {
            faces.add(faceIn(photo));
        }
        app.window().session().library().peopleService().split(faces, person);
        Fx.run(() -> app.window().session().catalogChanged());
        Fx.waitUntil(person + " in the sidebar", 20, () -> app.window().sidebar().people().stream()
                .anyMatch(p -> p.person().name().equals(person) && p.person().faceCount() == faces.size()));
        return faces;
    }

    /**
     * Names the largest face of {@code photo} {@code person}, a new person, through the library's PeopleService as
     * the viewer's Assign does, and waits for the sidebar.
     */
    long assignToNewPerson(String photo, String person) {
        long face = faceIn(photo);
        app.window().session().library().peopleService().assignFaceToNewPerson(face, person);
        Fx.run(() -> app.window().session().catalogChanged());
        Fx.waitUntil(person + " in the sidebar", 20, () -> app.window().sidebar().people().stream()
                .anyMatch(p -> p.person().name().equals(person)));
        return face;
    }

    /** The name label of the person's sidebar row (waits for it). */
    Node sidebarRow(String name) {
        Fx.waitUntil("a sidebar row " + name, 15, () -> sidebarCell(name) != null);
        return Fx.get(() -> sidebarCell(name).lookup(".sidebar-name"));
    }

    /**
     * The sidebar cell showing the person now, null when none does. Only cells in use count: the list keeps spare
     * cells, invisible, that may still hold an older row.
     */
    javafx.scene.control.ListCell<?> sidebarCell(String name) {
        for (Node n : app.window().sidebar().listView().lookupAll(".sidebar-cell")) {
            if (n instanceof javafx.scene.control.ListCell<?> cell && cell.isVisible() && cell.getIndex() >= 0 && !cell.isEmpty()
                    && cell.lookup(".sidebar-name") instanceof Labeled l && name.equals(l.getText())) {
                return cell;
            }
        }
        return null;
    }

    /** Opens the node's context menu as a right-click does (Monocle's robot has no reliable secondary button). */
    void contextMenuOn(Node node) {
        robot.moveTo(node);
        Fx.run(() -> {
            Bounds b = node.getLayoutBounds();
            double x = b.getCenterX(), y = b.getCenterY();
            Point2D screen = node.localToScreen(x, y);
            node.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    x, y, screen.getX(), screen.getY(), false, new javafx.scene.input.PickResult(node, x, y)));
        });
    }

    /**
     * Clicks the visible node {@code selector} finds in any showing window (a context menu's item). Found and measured
     * on the FX thread: TestFX's own {@code clickOn(query)} reads bounds on the test thread, which races with the FX
     * thread while a popup is laid out (an IndexOutOfBoundsException in {@code Parent.updateCachedBounds}).
     */
    void clickVisible(String selector) {
        clickVisible(selector, n -> true);
    }

    /** As {@link #clickVisible(String)}, the first visible node of {@code selector} that {@code which} accepts. */
    void clickVisible(String selector, Predicate<Node> which) {
        clickVisible(selector, which, Motion.DEFAULT);
    }

    /** As {@link #clickVisible(String, Predicate)}, the pointer moving to the node along {@code motion}. */
    void clickVisible(String selector, Predicate<Node> which, Motion motion) {
        // measured again until two pulses agree: a popup that has just opened may still be placed
        Point2D[] last = new Point2D[1];
        Fx.waitUntil("a visible " + selector + " at rest", 10, () -> {
            Point2D now = centreOfVisible(selector, which);
            boolean still = now != null && now.equals(last[0]);
            last[0] = now;
            return still;
        });
        robot.clickOn(last[0].getX(), last[0].getY(), motion);
    }

    /** Opens the menu bar's menu {@code menu} ("File") with a click. */
    void openMenu(String menu) {
        clickVisible(".menu-bar .label", n -> n instanceof Labeled l && menu.equals(l.getText()));
    }

    /**
     * Clicks the menu bar's menu {@code menu}, then its item {@code item} ("#menuAddFolder"), as a user does, once the
     * item is enabled (waits up to 30 s: most items are disabled while a task runs, and a click on one does nothing).
     */
    void menu(String menu, String item) {
        String id = item.substring(1);
        Fx.waitUntil(item + " enabled", 30, () -> !menuItem(id).isDisable());
        openMenu(menu);
        // straight down into the open menu first: on its way across the menu bar the pointer would open the next menu
        clickVisible(item, n -> true, Motion.VERTICAL_FIRST);
    }

    /** @return the main menu bar's item with the id {@code id} ("menuRestore"), shown or not */
    MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) app.window().stage().getScene().lookup("#mainMenu");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + id));
    }

    private static Point2D centreOfVisible(String selector, Predicate<Node> which) {
        for (Window w : Window.getWindows()) {
            if (!w.isShowing() || w.getScene() == null) {
                continue;
            }
            for (Node n : w.getScene().getRoot().lookupAll(selector)) {
                Bounds b = n.isVisible() && which.test(n) ? n.localToScreen(n.getLayoutBounds()) : null;
                if (b != null && b.getWidth() > 0) {
                    return new Point2D(b.getCenterX(), b.getCenterY());
                }
            }
        }
        return null;
    }

    /** The visible caption of the grid's tile showing {@code file} ("obama.jpg"), waiting up to 15 s for it. */
    Node caption(String file) {
        Fx.waitUntil("a tile showing " + file, 15, () -> visibleCaption(file) != null);
        return Fx.get(() -> visibleCaption(file));
    }

    private Node visibleCaption(String file) {
        for (Node n : app.window().stage().getScene().getRoot().lookupAll(".photo-tile-caption")) {
            if (n instanceof Labeled l && file.equals(l.getText()) && n.isVisible()) {
                return n;
            }
        }
        return null;
    }

    /** @return the screen point of the original-image pixel ({@code x}, {@code y}) of the photo in the crop editor */
    static Point2D onPhoto(FaceEditorWindow editor, double x, double y) {
        return Fx.get(() -> {
            Node canvas = editor.stage().getScene().lookup(".editor-canvas");
            Bounds b = canvas.localToScreen(canvas.getLayoutBounds());
            double scale = b.getWidth() / editor.photo().width();
            return new Point2D(b.getMinX() + x * scale, b.getMinY() + y * scale);
        });
    }

    static DialogPane dialogWithHeader(String header) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p && header.equals(p.getHeaderText())) {
                return p;
            }
        }
        return null;
    }

    static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile());
    }

    /** @return the first column of the first row; the query must return a row */
    long number(String sql, Object... params) {
        Long n = numberOrNull(sql, params);
        if (n == null) {
            throw new AssertionError("no row, or NULL, for: " + sql);
        }
        return n;
    }

    /** @return the first column of the first row as an int (a count); the query must return a row */
    int count(String sql, Object... params) {
        return Math.toIntExact(number(sql, params));
    }

    /** @return the first column of the first row as text, null when there is no row or it is NULL */
    String text(String sql, Object... params) {
        List<String> all = strings(sql, params);
        return all.isEmpty() ? null : all.get(0);
    }

    /** @return the first column of every row, as text, in the order of the query */
    List<String> strings(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(sql + ": " + e, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws Exception {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    /** @return the first column of the first row, null when there is no row or it is NULL */
    Long numberOrNull(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        } catch (Exception e) {
            throw new AssertionError(sql + ": " + e, e);
        }
    }
}
