package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.ui.dashboard.FaceQualityWindows;
import app.facet.ui.main.MainWindow;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Screenshots of the face quality dashboard and the crop editor from the real app (run it under Xvfb):
 * builds the demo library when missing ({@link DemoLibrary}), plants one broken row the way a legacy tool would, opens
 * both windows and writes each window's Scene.snapshot as PNG.
 * <pre>xvfb-run -a java -cp … app.facet.app.desktop.QualityScreenshots /tmp/demo-library docs/screenshots</pre>
 */
public final class QualityScreenshots {
    private static DesktopOptions OPTIONS;
    private static final CompletableFuture<FacetApplication> STARTED = new CompletableFuture<>();

    /** Started by Application.launch, like the real app (icon fonts and the FX thread set up the same way). */
    public static final class Host extends javafx.application.Application {
        @Override
        public void start(Stage stage) {
            FacetApplication app = new FacetApplication(OPTIONS, null);
            app.init();
            app.start(stage);
            STARTED.complete(app);
        }
    }

    public static void main(String[] args) throws Exception {
        Path libraryDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        LibraryLocation library = new LibraryLocation(libraryDir);
        if (!library.exists()) {
            DemoLibrary.main(new String[]{libraryDir.toString()});
            plantBrokenRow(library);
        }
        DesktopOptions options = new DesktopOptions(library, SharedPhotos.MODELS, "mobilefacenet",
                Files.createTempDirectory("facet-shots").resolve("settings.json"), (owner, title) -> Optional.empty());
        OPTIONS = options;
        Thread launcher = new Thread(() -> javafx.application.Application.launch(Host.class), "fx-launcher");
        launcher.setDaemon(true);
        launcher.start();
        FacetApplication app = STARTED.get(60, TimeUnit.SECONDS);
        MainWindow window = app.window();
        waitFor(() -> window.session().library() != null);
        FaceQualityWindows faces = window.faceQuality();

        if (System.getProperty("shots.main") != null) {
            Thread.sleep(3000);
            snapshot(window.stage().getScene(), out.resolve("main-debug.png"));
        }
        fx(() -> { faces.showDashboard(); return null; });
        waitFor(() -> faces.dashboard().isLoaded());
        Thread.sleep(2500); // crop thumbnails load in the background
        Thread.sleep(Long.getLong("shots.pause", 0));
        snapshot(faces.dashboard().stage().getScene(), out.resolve("face-quality-dashboard.png"));

        long group = number(library, "SELECT id FROM photos WHERE path LIKE '%obama_and_biden.jpg'");
        long firstFace = number(library, "SELECT min(id) FROM face_crops WHERE photo_id = " + group);
        fx(() -> { faces.editor().open(group, firstFace); return null; });
        waitFor(() -> faces.editor().photo() != null);
        Thread.sleep(1500);
        snapshot(faces.editor().stage().getScene(), out.resolve("face-crop-editor.png"));

        fx(() -> { faces.editor().stage().close(); return null; });
        String crop = text(library, "SELECT crop_path FROM face_crops WHERE crop_path IS NOT NULL LIMIT 1");
        fx(() -> { faces.editor().open(Path.of(crop)); return null; });
        waitFor(() -> Stage.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && "editorRefusal".equals(w.getScene().getRoot().getId())));
        Thread.sleep(800);
        Scene refusal = fx(() -> Stage.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && "editorRefusal".equals(w.getScene().getRoot().getId())).findFirst().orElseThrow().getScene());
        snapshot(refusal, out.resolve("face-crop-editor-refusal.png"));
        Platform.exit();
        System.exit(0);
    }

    /** The old corruption a legacy tool could write: a face whose image_path is its own crop. */
    private static void plantBrokenRow(LibraryLocation library) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile()); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS face_crops_guard_update");
            s.execute("UPDATE face_crops SET image_path = crop_path WHERE id = (SELECT f.id FROM face_crops f JOIN photos p "
                    + "ON p.id = f.photo_id WHERE p.path LIKE '%biden2.jpg' ORDER BY f.id LIMIT 1)");
        }
    }

    private static void snapshot(Scene scene, Path file) throws Exception {
        WritableImage image = fx(() -> scene.snapshot(null));
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
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

    private static void waitFor(Callable<Boolean> condition) throws Exception {
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
