package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.core.people.FaceCluster;
import app.facet.ui.main.MainWindow;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faces → Find People on the real app over the shared photos: the groups of unknown faces come from the real
 * clustering of real embeddings; naming one creates the person with exactly those faces, and undo takes it back.
 */
class FindPeopleTest {
    @TempDir
    Path tmp;
    LibraryLocation library;
    FacetApplication app;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        library = new LibraryLocation(tmp.resolve("library"));
        DesktopOptions options = new DesktopOptions(library, SharedPhotos.MODELS, "mobilefacenet", tmp.resolve("settings.json"),
                (owner, title) -> Optional.of(SharedPhotos.PHOTOS));
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
    void nameTheLargestGroupOfUnknownFacesThenUndo() throws Exception {
        MainWindow window = app.window();
        robot.clickOn("File").clickOn("#menuAddFolder");
        Fx.waitUntil("the scan to finish", 300,
                () -> robot.lookup("#statusMessage").queryLabeled().getText().startsWith("Scan completed"));

        robot.clickOn("Faces").clickOn("#menuFindPeople");
        Fx.waitUntil("recognition and grouping to finish", 120,
                () -> robot.lookup("#findPeopleSummary").queryLabeled().getText().startsWith("Recognised"));
        ListView<FaceCluster> groups = robot.lookup("#clusterList").queryListView();
        Fx.waitUntil("the groups to be listed", 20, () -> !groups.getItems().isEmpty());
        FaceCluster largest = Fx.get(() -> groups.getItems().get(0));
        assertThat(largest.size()).isGreaterThanOrEqualTo(2);
        assertThat(Fx.get(() -> groups.getItems().stream().mapToInt(FaceCluster::size).max().orElse(0))).isEqualTo(largest.size());
        assertThat(count("SELECT count(*) FROM face_crops WHERE cluster_id = " + largest.clusterId() + " AND person_id IS NULL"))
                .isEqualTo(largest.size());

        Node firstRow = robot.lookup("#clusterList .cluster-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((javafx.scene.control.ListCell<?>) n).getIndex() == 0).findFirst().orElseThrow();
        robot.clickOn(firstRow.lookup(".cluster-name")).write("Person One");
        robot.clickOn(firstRow.lookup(".cluster-apply"));

        Fx.waitUntil("the named group to reach the catalog", 20,
                () -> count("SELECT count(*) FROM persons WHERE name = 'Person One'") == 1);
        assertThat(count("SELECT count(*) FROM face_crops f JOIN persons p ON p.id = f.person_id"
                + " WHERE p.name = 'Person One' AND f.assigned_by = 'user'")).isEqualTo(largest.size());
        Fx.waitUntil("the group to leave the list", 10,
                () -> groups.getItems().stream().noneMatch(c -> c.clusterId() == largest.clusterId()));
        Fx.waitUntil("Person One in the sidebar", 10,
                () -> window.sidebar().people().stream().anyMatch(p -> p.person().name().equals("Person One")));

        robot.clickOn("#undoButton");
        Fx.waitUntil("the undo to reach the catalog", 20, () -> count("SELECT count(*) FROM persons WHERE name = 'Person One'") == 0);
        assertThat(count("SELECT count(*) FROM face_crops WHERE cluster_id = " + largest.clusterId() + " AND person_id IS NULL"))
                .isEqualTo(largest.size());
    }

    private int count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
