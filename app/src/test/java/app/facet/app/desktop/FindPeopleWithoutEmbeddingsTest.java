package app.facet.app.desktop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library scanned with the face detector but no embedding model (its file is not in the models folder): every face
 * is found, none can be compared. Find People must say so, with the number of such faces and why, rather than a bare
 * "Recognised 0 of 0 unknown faces".
 */
class FindPeopleWithoutEmbeddingsTest {
    @TempDir
    Path tmp;
    ScannedDesktop d;
    FxRobot robot;

    @BeforeEach
    void start() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.copy(SharedPhotos.MODELS.resolve("face_detection_yunet_2023mar.onnx"), models.resolve("face_detection_yunet_2023mar.onnx"));
        d = ScannedDesktop.start(tmp, ScannedDesktop.Setup.shared().folder(SharedPhotos.PHOTOS.resolve("people")).models(models, null))
                .awaitLibrary();
        robot = d.robot;
    }

    @AfterEach
    void stop() throws Exception {
        ScannedDesktop.stop(d);
    }

    @Test
    void findPeopleSaysHowManyFacesHaveNoEmbeddingAndWhy() throws Exception {
        // no embedding model: the first-start models dialog asks; the user continues without recognition
        FacetApplication app = d.app;
        Fx.waitUntil("the models dialog", 30, () -> app.window().models().dialog() != null
                && app.window().models().dialog().stage().isShowing());
        Fx.run(() -> ((javafx.scene.control.Button) app.window().models().dialog().stage().getScene().lookup("#modelsContinue")).fire());
        d.scan();
        int faces = d.count("SELECT count(*) FROM face_crops WHERE not_a_face = 0");
        assertThat(faces).isGreaterThanOrEqualTo(10);
        assertThat(d.count("SELECT count(*) FROM face_crops WHERE embedding IS NOT NULL")).isZero();

        d.menu("Faces", "#menuFindPeople");
        Fx.waitUntil("recognition and grouping to finish", 120,
                () -> robot.lookup("#findPeopleSummary").queryLabeled().getText().startsWith("Recognised"));
        String summary = robot.lookup("#findPeopleSummary").queryLabeled().getText();
        assertThat(summary).contains(faces + " faces have no embedding and cannot be compared: no embedding model is in use");
        assertThat(robot.lookup("#findPeopleRemaining").queryLabeled().getText()).startsWith("No groups left to name");
    }
}
