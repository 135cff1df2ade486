package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.models.ModelFileChooser;
import app.facet.ui.models.ModelsDialogModel.Phase;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
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
    ScannedDesktop d;
    FacetApplication app;
    FxRobot robot;
    String proxyHost;
    String proxyPort;

    @BeforeEach
    void start() throws Exception {
        // tests never download: every https connection of this JVM goes to a closed port, as on a machine offline
        proxyHost = System.setProperty("https.proxyHost", "127.0.0.1");
        proxyPort = System.setProperty("https.proxyPort", "9");
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
        d = ScannedDesktop.start(tmp, ScannedDesktop.Setup.shared().folder(SharedPhotos.PHOTOS.resolve("people/barack_obama"))
                .models(null, null).saves((owner, title, name, extensions) -> Optional.empty()).modelFiles(chooser));
        library = d.library;
        settingsFile = d.settingsFile;
        app = d.app;
        robot = d.robot;
    }

    @AfterEach
    void stop() throws Exception {
        try {
            ScannedDesktop.stop(d);
        } finally {
            restore("https.proxyHost", proxyHost);
            restore("https.proxyPort", proxyPort);
        }
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

        d.scan();
        assertThat(embeddedFaces()).as("faces scanned after the choice carry embeddings").isGreaterThanOrEqualTo(5);

        d.menu("Help", "#menuAbout");
        Fx.waitUntil("the about dialog", 30, () -> robot.lookup("#aboutDialog").tryQuery().isPresent());
        assertThat(text("#aboutDialog .content")).contains("YuNet 2023mar (OpenCV DNN, built in)")
                .contains("Embedding model: mobilefacenet");
    }

    /** Presses a button of the dialog (a second, modal stage: pointer clicks in headless Monocle may land on the main window). */
    private void press(String id) {
        Fx.run(() -> ((javafx.scene.control.Button) app.window().models().dialog().stage().getScene().lookup(id)).fire());
    }

    private long embeddedFaces() {
        return d.number("SELECT count(*) FROM face_crops WHERE embedding IS NOT NULL AND embedding_model_id = 'mobilefacenet'");
    }

    private String text(String query) {
        return Fx.get(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static void snapshot(Scene scene, String name) throws Exception {
        Path dir = Path.of(System.getProperty("facet.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        ScreenshotApp.writePng(Fx.get(() -> scene.snapshot(null)), dir.resolve(name));
    }

    private static void restore(String key, String old) {
        if (old == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, old);
        }
    }
}
