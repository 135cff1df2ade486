package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.ui.gallery.PersonGalleryWindow;
import app.facet.ui.main.MainWindow;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.PickResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static app.facet.app.desktop.QualityScreenshots.captureWindow;
import static app.facet.app.desktop.QualityScreenshots.fx;
import static app.facet.app.desktop.QualityScreenshots.waitFor;

/**
 * Screenshots of a person's face gallery (least alike first, two faces selected), of several people selected in the
 * sidebar with their menu, and of choosing a cover from the gallery beside the sidebar, from the real app under Xvfb:
 * <pre>
 * ./mvnw -B -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/shots-classpath.txt -Dmdep.includeScope=test
 * xvfb-run -a -s "-screen 0 1400x950x24" java -Xss16m -Dfacet.shared=../shared -cp "app/target/test-classes:app/target/classes:ui/target/classes:core/target/classes:models/target/classes:$(cat app/target/shots-classpath.txt)" \
 *     app.facet.app.desktop.GalleryScreenshots /tmp/unnamed docs/screenshots
 * </pre>
 * Builds a scanned library where nobody is named ({@link DemoLibrary} scan-only, in a child JVM) when missing, then
 * names people through the library's PeopleService, one face of Joe Biden wrongly on Barack Obama.
 */
public final class GalleryScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        LibraryLocation library = new LibraryLocation(Path.of(args[0]));
        if (!library.exists()) {
            QualityScreenshots.buildDemoLibrary(library.root(), "scan-only");
        }
        FacetApplication app = ScreenshotApp.launch(library);
        MainWindow window = app.window();
        waitFor(() -> window.session().library() != null);
        name(window, library, "Barack Obama", "obama.jpg", "obama2.jpg", "obama3.jpg", "obama4.jpg", "obama-720p.jpg", "biden.jpg");
        name(window, library, "Alex Lacamoire", "alex-lacamoire.png", "alex2.jpg", "alex3.jpg");
        name(window, library, "Rose Leslie", "rose1.jpg", "rose2.jpg");
        name(window, library, "Kit Harington", "kit1.jpg");
        name(window, library, "Lin-Manuel Miranda", "lin-manuel-miranda.png");
        name(window, library, "Barack", "obama_small.jpg");
        name(window, library, "B. Obama", "obama-240p.jpg");
        fx(() -> {
            window.stage().setX(0);
            window.stage().setY(0);
            window.stage().setWidth(1280);
            window.stage().setHeight(820);
            return null;
        });
        waitFor(() -> cell(window, "B. Obama") != null);
        Thread.sleep(1500); // avatars load in the background

        // several people selected in the sidebar, their menu open
        fx(() -> {
            var selection = window.sidebar().listView().getSelectionModel();
            selection.clearAndSelect(cell(window, "Barack Obama").getIndex());
            selection.select(cell(window, "Barack").getIndex());
            selection.select(cell(window, "B. Obama").getIndex());
            return null;
        });
        Thread.sleep(500);
        fx(() -> {
            ListCell<?> barack = cell(window, "Barack");
            contextMenu(barack, barack.getWidth() - 24);
            return null;
        });
        Thread.sleep(800);
        captureWindow(window.stage(), out.resolve("people-multiselect.png"));
        fx(() -> {
            closePopups(window);
            window.sidebar().listView().getSelectionModel().clearSelection();
            return null;
        });

        // the gallery of Barack Obama, least alike first, the two least alike faces selected
        PersonGalleryWindow gallery = Fx.get(window::gallery); // built on first use, on the FX thread
        openGallery(window, gallery, "Barack Obama", 6, 0, 0, 1000, 420);
        fx(() -> {
            List<Long> ids = gallery.model().faces().stream().map(f -> f.face().id()).toList();
            gallery.model().click(ids.get(0), false, false);
            gallery.model().click(ids.get(1), false, true);
            return null;
        });
        Thread.sleep(800);
        captureWindow(gallery.stage(), out.resolve("person-gallery.png"));

        // choosing a cover: a face of Alex Lacamoire selected, its menu open on "Set as Cover" (the star marks the cover now)
        openGallery(window, gallery, "Alex Lacamoire", 3, 0, 0, 760, 420);
        long chosen = fx(() -> {
            long cover = gallery.model().coverFaceIdProperty().get();
            long other = gallery.model().faces().stream().map(f -> f.face().id()).filter(id -> id != cover).findFirst().orElseThrow();
            gallery.model().click(other, false, false);
            return other;
        });
        Thread.sleep(500);
        fx(() -> {
            Node tile = gallery.stage().getScene().lookup("#galleryFace-" + chosen);
            contextMenu(tile, tile.getLayoutBounds().getWidth() - 20);
            return null;
        });
        Thread.sleep(800);
        captureWindow(gallery.stage(), out.resolve("cover-choice.png"));
        System.exit(0);
    }

    private static void openGallery(MainWindow window, PersonGalleryWindow gallery, String person, int faces,
                                    double x, double y, double w, double h) throws Exception {
        fx(() -> {
            closePopups(window);
            gallery.open(window.sidebar().people().stream().filter(p -> p.person().name().equals(person)).findFirst().orElseThrow());
            gallery.stage().setX(x);
            gallery.stage().setY(y);
            gallery.stage().setWidth(w);
            gallery.stage().setHeight(h);
            return null;
        });
        waitFor(() -> gallery.model().faces().size() == faces);
        Thread.sleep(2000); // crops load in the background
    }

    private static void closePopups(MainWindow window) {
        for (var w : List.copyOf(javafx.stage.Window.getWindows())) {
            if (w instanceof javafx.stage.PopupWindow p) {
                p.hide();
            }
        }
    }

    /** The sidebar cell in use showing the person, null when none does. On the FX thread. */
    private static ListCell<?> cell(MainWindow window, String name) {
        for (Node n : window.sidebar().listView().lookupAll(".sidebar-cell")) {
            if (n instanceof ListCell<?> c && c.isVisible() && c.getIndex() >= 0 && !c.isEmpty()
                    && c.lookup(".sidebar-name") instanceof Labeled l && name.equals(l.getText())) {
                return c;
            }
        }
        return null;
    }

    /** Opens the node's context menu as a right-click at {@code x} (local) does. */
    private static void contextMenu(Node node, double x) {
        Bounds b = node.getLayoutBounds();
        double y = b.getCenterY();
        Point2D screen = node.localToScreen(x, y);
        node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, x, y, screen.getX(), screen.getY(), false,
                new PickResult(node, x, y)));
    }

    /** Names the largest face of each shared photo {@code file} as {@code person} through the library's PeopleService. */
    private static void name(MainWindow window, LibraryLocation library, String person, String... files) throws Exception {
        List<Long> faces = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile());
             PreparedStatement ps = c.prepareStatement("SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id "
                     + "WHERE p.path LIKE ? AND f.not_a_face = 0 ORDER BY f.w * f.h DESC")) {
            for (String file : files) {
                ps.setString(1, "%/" + file);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        faces.add(rs.getLong(1));
                    }
                }
            }
        }
        window.session().library().peopleService().split(faces, person);
        fx(() -> {
            window.session().catalogChanged();
            return null;
        });
    }
}
