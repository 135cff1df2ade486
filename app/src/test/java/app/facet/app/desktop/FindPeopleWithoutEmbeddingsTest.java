package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library scanned with the face detector but no embedding model (its file is not in the models folder): every face
 * is found, none can be compared. Find People must say so, with the number of such faces and why, rather than a bare
 * "Recognised 0 of 0 unknown faces".
 */
class FindPeopleWithoutEmbeddingsTest {
    @TempDir
    Path tmp;
    LibraryLocation library;
    FacetApplication app;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        library = new LibraryLocation(tmp.resolve("library"));
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.copy(SharedPhotos.MODELS.resolve("face_detection_yunet_2023mar.onnx"), models.resolve("face_detection_yunet_2023mar.onnx"));
        DesktopOptions options = new DesktopOptions(library, models, null, tmp.resolve("settings.json"),
                (owner, title) -> Optional.of(SharedPhotos.PHOTOS.resolve("people")));
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
    void findPeopleSaysHowManyFacesHaveNoEmbeddingAndWhy() throws Exception {
        // no embedding model: the first-start models dialog asks; the user continues without recognition
        Fx.waitUntil("the models dialog", 30, () -> app.window().models().dialog() != null
                && app.window().models().dialog().stage().isShowing());
        Fx.run(() -> ((javafx.scene.control.Button) app.window().models().dialog().stage().getScene().lookup("#modelsContinue")).fire());
        robot.clickOn("File").clickOn("#menuAddFolder");
        Fx.waitUntil("the scan to finish", 300,
                () -> robot.lookup("#statusMessage").queryLabeled().getText().startsWith("Scan completed"));
        int faces = count("SELECT count(*) FROM face_crops WHERE not_a_face = 0");
        assertThat(faces).isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(*) FROM face_crops WHERE embedding IS NOT NULL")).isZero();

        robot.clickOn("Faces").clickOn("#menuFindPeople");
        Fx.waitUntil("recognition and grouping to finish", 120,
                () -> robot.lookup("#findPeopleSummary").queryLabeled().getText().startsWith("Recognised"));
        String summary = robot.lookup("#findPeopleSummary").queryLabeled().getText();
        assertThat(summary).contains(faces + " faces have no embedding and cannot be compared: no embedding model is in use");
        assertThat(robot.lookup("#findPeopleRemaining").queryLabeled().getText()).startsWith("No groups left to name");
    }

    private int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
