package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.ui.dashboard.FaceQualityWindows;
import app.facet.ui.main.MainWindow;
import app.facet.ui.people.NameField;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Screenshots of the face quality dashboard and the crop editor from the real app, under Xvfb:
 * <pre>xvfb-run -a -s "-screen 0 1400x950x24" java -Xss16m -cp … app.facet.app.desktop.QualityScreenshots /tmp/demo docs/screenshots</pre>
 * Builds the demo library when missing ({@link DemoLibrary}, in a child JVM: OpenCV's native libraries loaded before
 * JavaFX keep glass from loading GTK), plants one broken row the way a legacy tool would, then starts the app as
 * {@code Application.launch} does, opens both windows, makes an edit in the editor (a box drawn over the face cut off
 * at the right edge, a name typed with the autocomplete open) and captures the X screen with ImageMagick's
 * {@code import}, cropped to each window. The refusal dialog is a Scene.snapshot.
 */
public final class QualityScreenshots {
    public static void main(String[] args) throws Exception {
        Path libraryDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        LibraryLocation library = new LibraryLocation(libraryDir);
        if (!library.exists()) {
            buildDemoLibrary(libraryDir);
            plantBrokenRow(library);
        }
        FacetApplication app = ScreenshotApp.launch(library);
        MainWindow window = app.window();
        waitFor(() -> window.session().library() != null);
        FaceQualityWindows faces = window.faceQuality();

        // the dashboard, with the broken row selected: Review disabled, Delete and Re-detect offered
        fx(() -> {
            faces.showDashboard();
            Stage s = faces.dashboard().stage();
            s.setX(0);
            s.setY(0);
            return null;
        });
        waitFor(() -> faces.dashboard().isLoaded());
        fx(() -> {
            TableView<?> table = (TableView<?>) faces.dashboard().stage().getScene().lookup("#faceTable");
            table.getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(2500); // crop thumbnails load in the background
        captureWindow(faces.dashboard().stage(), out.resolve("face-quality-dashboard.png"));
        fx(() -> { faces.dashboard().stage().close(); return null; });

        // the editor on the group photo: a box drawn over the face cut off at the right edge, a name being typed
        long group = number(library, "SELECT id FROM photos WHERE path LIKE '%obama_and_biden.jpg'");
        fx(() -> { faces.editor().open(group, null); return null; });
        waitFor(() -> faces.editor().photo() != null);
        fx(() -> {
            Stage s = faces.editor().stage();
            s.setX(0);
            s.setY(0);
            return null;
        });
        Thread.sleep(1000);
        Scene editor = faces.editor().stage().getScene();
        fx(() -> {
            ((ToggleButton) editor.lookup("#editorDraw")).setSelected(true);
            Node canvas = editor.lookup(".editor-canvas");
            drag(canvas, original(canvas, faces, 1935, 520), original(canvas, faces, 2000, 720));
            ((ToggleButton) editor.lookup("#editorDraw")).setSelected(false);
            return null;
        });
        Thread.sleep(300);
        fx(() -> {
            // select Joe Biden's box (the leftmost of the two large faces) and start typing his name
            Node canvas = editor.lookup(".editor-canvas");
            Node biden = editor.getRoot().lookupAll(".editor-box").stream()
                    .filter(n -> n.getBoundsInParent().getWidth() > 60)
                    .min(java.util.Comparator.comparingDouble(n -> n.getBoundsInParent().getMinX())).orElseThrow();
            Point2D centre = biden.localToScene(biden.getLayoutBounds().getCenterX(), biden.getLayoutBounds().getCenterY());
            Event.fireEvent(biden, mouse(MouseEvent.MOUSE_PRESSED, centre));
            Event.fireEvent(biden, mouse(MouseEvent.MOUSE_RELEASED, centre));
            NameField person = (NameField) editor.lookup("#editorPerson");
            person.requestFocus();
            person.setText("Jo");
            return null;
        });
        Thread.sleep(1500);
        captureWindow(faces.editor().stage(), out.resolve("face-crop-editor.png"));

        // asked for a face crop: the refusal, nothing opens (the edits above are reverted first: else the editor asks)
        fx(() -> {
            ((javafx.scene.control.Button) editor.lookup("#editorRevert")).fire();
            return null;
        });
        waitFor(() -> !faces.editor().isDirty());
        String crop = text(library, "SELECT crop_path FROM face_crops WHERE crop_path IS NOT NULL LIMIT 1");
        fx(() -> { faces.editor().open(library.resolve(crop)); return null; });
        waitFor(() -> refusalScene() != null);
        Thread.sleep(800);
        snapshot(fx(QualityScreenshots::refusalScene), out.resolve("face-crop-editor-refusal.png"));
        System.exit(0);
    }

    private static Scene refusalScene() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && "editorRefusal".equals(w.getScene().getRoot().getId())).map(Window::getScene).findFirst().orElse(null);
    }

    private static Point2D original(Node canvas, FaceQualityWindows faces, double x, double y) {
        double scale = canvas.getLayoutBounds().getWidth() / faces.editor().photo().width();
        return canvas.localToScene(Math.min(x, faces.editor().photo().width()) * scale, y * scale);
    }

    private static void drag(Node target, Point2D from, Point2D to) {
        Event.fireEvent(target, mouse(MouseEvent.MOUSE_PRESSED, from));
        Event.fireEvent(target, mouse(MouseEvent.MOUSE_DRAGGED, from.midpoint(to)));
        Event.fireEvent(target, mouse(MouseEvent.MOUSE_DRAGGED, to));
        Event.fireEvent(target, mouse(MouseEvent.MOUSE_RELEASED, to));
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, Point2D scene) {
        boolean down = type != MouseEvent.MOUSE_RELEASED;
        return new MouseEvent(type, scene.getX(), scene.getY(), scene.getX(), scene.getY(), MouseButton.PRIMARY, 1,
                false, false, false, false, down, false, false, true, false, false, null);
    }

    /** @param mode DemoLibrary's optional second argument ("scan-only", "damaged"), or none */
    static void buildDemoLibrary(Path dir, String... mode) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss16m", "-Dfacet.shared=" + SharedPhotos.SHARED, "-cp", System.getProperty("java.class.path"),
                DemoLibrary.class.getName(), dir.toString()));
        command.addAll(java.util.List.of(mode));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("building the demo library failed");
        }
    }

    /** The old corruption a legacy tool could write: a face whose image_path is its own crop. */
    private static void plantBrokenRow(LibraryLocation library) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile()); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS face_crops_guard_update");
            s.execute("UPDATE face_crops SET image_path = crop_path WHERE id = (SELECT f.id FROM face_crops f JOIN photos p "
                    + "ON p.id = f.photo_id WHERE p.path LIKE '%biden2.jpg' ORDER BY f.id LIMIT 1)");
        }
    }

    /** The X screen (popups included) cropped to the window. */
    static void captureWindow(Stage stage, Path file) throws Exception {
        double[] b = fx(() -> new double[]{stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()});
        Path full = Files.createTempFile("screen", ".png");
        run("import", "-window", "root", full.toString());
        run("convert", full.toString(), "-crop", String.format("%dx%d+%d+%d", (int) b[2], (int) b[3], (int) b[0], (int) b[1]),
                "+repage", "-strip", "-define", "png:compression-level=9", file.toString());
        Files.delete(full);
        System.out.println("wrote " + file);
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static void snapshot(Scene scene, Path file) throws Exception {
        ScreenshotApp.writePng(fx(() -> scene.snapshot(null)), file);
        System.out.println("wrote " + file);
    }

    static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Boolean.TRUE.equals(fx(condition))) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(200);
        }
    }

    private static long number(LibraryLocation library, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(LibraryLocation library, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
