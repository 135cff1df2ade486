package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import javafx.application.Application;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real desktop app started in this JVM as {@code Application.launch} starts it, for the programs that take the
 * README's screenshots under Xvfb (the test model, a throw-away settings file, no file dialogs).
 */
public final class ScreenshotApp {
    private static DesktopOptions options;
    private static final CompletableFuture<FacetApplication> STARTED = new CompletableFuture<>();

    private ScreenshotApp() {
    }

    /** Started by Application.launch, like the real app. */
    public static final class Host extends Application {
        @Override
        public void start(Stage stage) {
            FacetApplication app = new FacetApplication(options);
            app.init();
            app.start(stage);
            STARTED.complete(app);
        }
    }

    /** Opens the window on {@code library}; once per JVM. @return the running app (waits up to a minute) */
    static FacetApplication launch(LibraryLocation library) throws Exception {
        Path settings = Files.createTempDirectory("facet-shots").resolve("settings.json");
        options = new DesktopOptions(library, SharedPhotos.MODELS, "mobilefacenet", settings, (owner, title) -> Optional.empty());
        Thread launcher = new Thread(() -> Application.launch(Host.class), "fx-launcher");
        launcher.setDaemon(true);
        launcher.start();
        return STARTED.get(60, TimeUnit.SECONDS);
    }

    /** Writes a JavaFX image (e.g. a {@code Scene.snapshot}) to {@code file} as a PNG with its alpha channel. */
    static void writePng(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }
}
