package app.facet.app.desktop;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.models.ModelFileChooser;
import app.facet.ui.models.ModelsDialogModel.Phase;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First start of a library without the embedding model, in the real desktop app: the models dialog explains what is
 * needed (size in MB), Download without a network gives the offline sentence and leaves no partial file, the banner
 * stays while the model is missing, and Choose a File… with mobilefacenet.onnx makes the next scan embed (recognise)
 * faces, which Help → About then names. Snapshots of the dialog go to target/screenshots (docs/screenshots copies).
 */
class ModelsDialogTest {
    @TempDir
    Path tmp;
    LibraryLocation library;
    Path settingsFile;
    FacetApplication app;
    final FxRobot robot = new FxRobot();
    String proxyHost;
    String proxyPort;

    @BeforeEach
    void start() throws Exception {
        // tests never download: every https connection of this JVM goes to a closed port, as on a machine offline
        proxyHost = System.setProperty("https.proxyHost", "127.0.0.1");
        proxyPort = System.setProperty("https.proxyPort", "9");
        library = new LibraryLocation(tmp.resolve("library"));
        settingsFile = tmp.resolve("settings.json");
        ModelFileChooser chooser = new ModelFileChooser() {
            @Override
            public Optional<Path> chooseFile(Window owner) {
                return Optional.of(SharedPhotos.MODELS.resolve("mobilefacenet.onnx"));
            }

            @Override
            public Optional<Path> chooseFolder(Window owner) {
                return Optional.empty();
            }
        };
        DesktopOptions options = new DesktopOptions(library, null, null, settingsFile,
                (owner, title) -> Optional.of(SharedPhotos.PHOTOS.resolve("people/barack_obama")),
                (owner, title, name, extensions) -> Optional.empty(), chooser);
        FxToolkit.registerPrimaryStage();
        app = (FacetApplication) FxToolkit.setupApplication(() -> new FacetApplication(options));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        restore("https.proxyHost", proxyHost);
        restore("https.proxyPort", proxyPort);
    }

    @Test
    void offlineDownloadThenChooseAFileMakesRecognitionWork() throws Exception {
        Fx.waitUntil("the models dialog at first start", 60, () -> app.window().models().dialog() != null
                && app.window().models().dialog().stage().isShowing()
                && app.window().models().dialog().model().statusProperty().get() != null);
        assertThat(text("#modelsExplanation")).contains("sface-2021dec").contains("38.7 MB").contains("recognise");
        assertThat(Fx.get(() -> robot.lookup("#modelsBanner").query().isVisible())).isTrue();
        snapshot(app.window().models().dialog().stage().getScene(), "models-dialog-first-start.png");

        press("#modelsDownload");
        Fx.waitUntil("the download to fail", 60, () -> app.window().models().dialog().model().phaseProperty().get() == Phase.FAILED,
                () -> app.window().models().dialog().model().phaseProperty().get() + ": " + text("#modelsMessage"));
        assertThat(text("#modelsMessage")).startsWith("Facet cannot reach the download server: this computer seems to be offline.")
                .contains("face_recognition_sface_2021dec.onnx");
        try (var left = Files.list(library.root().resolve("models"))) {
            assertThat(left).as("no partial download is left").isEmpty();
        }
        snapshot(app.window().models().dialog().stage().getScene(), "models-dialog-offline.png");

        press("#modelsChooseFile");
        Fx.waitUntil("the chosen model", 60, () -> app.window().models().dialog().model().phaseProperty().get() == Phase.READY);
        assertThat(text("#modelsMessage")).contains("mobilefacenet");
        assertThat(library.root().resolve("models/mobilefacenet.onnx")).exists();
        assertThat(new UserSettingsStore(settingsFile).load().embeddingModel()).isEqualTo("mobilefacenet");
        Fx.waitUntil("the banner to go", 10, () -> !robot.lookup("#modelsBanner").query().isVisible());
        snapshot(app.window().models().dialog().stage().getScene(), "models-dialog-ready.png");
        press("#modelsContinue");

        robot.clickOn("File").clickOn("#menuAddFolder");
        Fx.waitUntil("the scan", 180, () -> robot.lookup("#statusMessage").queryLabeled().getText().startsWith("Scan completed"));
        assertThat(embeddedFaces()).as("faces scanned after the choice carry embeddings").isGreaterThanOrEqualTo(5);

        robot.clickOn("Help").clickOn("#menuAbout");
        Fx.waitUntil("the about dialog", 30, () -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        assertThat(text("#aboutDialog .content")).contains("YuNet 2023mar (OpenCV FaceDetectorYN, built in)")
                .contains("Embedding model: mobilefacenet");
    }

    /** Presses a button of the dialog (a second, modal stage: pointer clicks in headless Monocle may land on the main window). */
    private void press(String id) {
        Fx.run(() -> ((javafx.scene.control.Button) app.window().models().dialog().stage().getScene().lookup(id)).fire());
    }

    private long embeddedFaces() throws Exception {
        try (Connection c = Catalog.open(library).connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM face_crops WHERE embedding IS NOT NULL AND embedding_model_id = 'mobilefacenet'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String query) {
        return Fx.get(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static void snapshot(Scene scene, String name) throws Exception {
        Path dir = Path.of(System.getProperty("facet.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        WritableImage image = Fx.get(() -> scene.snapshot(null));
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", dir.resolve(name).toFile());
    }

    private static void restore(String key, String old) {
        if (old == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, old);
        }
    }
}
