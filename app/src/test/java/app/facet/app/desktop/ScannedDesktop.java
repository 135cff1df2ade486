package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real desktop app (FacetApplication with the OpenCV/ONNX analyzer and the test model) started by TestFX over a
 * new library, with the shared photos scanned through File → Add Folder, as a user does it; plus what the desktop
 * tests share: naming a photo's face through the library's PeopleService, finding sidebar rows and dialogs, a context
 * menu on a node, and reading the catalog file with plain JDBC as an independent witness.
 */
final class ScannedDesktop {
    final LibraryLocation library;
    final FacetApplication app;
    final FxRobot robot = new FxRobot();

    private ScannedDesktop(LibraryLocation library, FacetApplication app) {
        this.library = library;
        this.app = app;
    }

    /** Starts the app on a new library under {@code tmp} and scans ../shared/photos (waits up to 5 minutes). */
    static ScannedDesktop startAndScan(Path tmp) throws Exception {
        LibraryLocation library = new LibraryLocation(tmp.resolve("library"));
        DesktopOptions options = new DesktopOptions(library, SharedPhotos.MODELS, "mobilefacenet", tmp.resolve("config/settings.json"),
                (owner, title) -> Optional.of(SharedPhotos.PHOTOS));
        FxToolkit.registerPrimaryStage();
        FacetApplication app = (FacetApplication) FxToolkit.setupApplication(() -> new FacetApplication(options));
        ScannedDesktop d = new ScannedDesktop(library, app);
        Fx.waitUntil("the library to open", 30, () -> app.window().session().library() != null);
        d.robot.clickOn("File").clickOn("#menuAddFolder");
        Fx.waitUntil("the scan to finish", 300, () -> d.robot.lookup("#statusMessage").queryLabeled().getText().startsWith("Scan completed"));
        return d;
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
        Fx.waitUntil("a visible " + selector, 10, () -> centreOfVisible(selector) != null);
        robot.clickOn(Fx.get(() -> centreOfVisible(selector)));
    }

    private static Point2D centreOfVisible(String selector) {
        for (Window w : Window.getWindows()) {
            if (!w.isShowing() || w.getScene() == null) {
                continue;
            }
            for (Node n : w.getScene().getRoot().lookupAll(selector)) {
                Bounds b = n.isVisible() ? n.localToScreen(n.getLayoutBounds()) : null;
                if (b != null && b.getWidth() > 0) {
                    return new Point2D(b.getCenterX(), b.getCenterY());
                }
            }
        }
        return null;
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

    /** @return the first column of the first row, null when there is no row or it is NULL */
    Long numberOrNull(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        } catch (Exception e) {
            throw new AssertionError(sql + ": " + e, e);
        }
    }
}
