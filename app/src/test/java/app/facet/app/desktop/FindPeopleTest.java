package app.facet.app.desktop;

import app.facet.core.people.FaceCluster;
import app.facet.ui.main.MainWindow;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faces → Find People on the real app over the shared photos: the groups of unknown faces come from the real
 * clustering of real embeddings; naming one creates the person with exactly those faces, and undo takes it back.
 */
class FindPeopleTest {
    @TempDir
    Path tmp;
    ScannedDesktop d;
    FxRobot robot;

    @BeforeEach
    void start() throws Exception {
        d = ScannedDesktop.start(tmp, ScannedDesktop.Setup.shared()).awaitLibrary();
        robot = d.robot;
    }

    @AfterEach
    void stop() throws Exception {
        ScannedDesktop.stop(d);
    }

    @Test
    void nameTheLargestGroupOfUnknownFacesThenUndo() throws Exception {
        MainWindow window = d.app.window();
        d.scan();

        d.menu("Faces", "#menuFindPeople");
        Fx.waitUntil("recognition and grouping to finish", 120,
                () -> robot.lookup("#findPeopleSummary").queryLabeled().getText().startsWith("Recognised"));
        ListView<FaceCluster> groups = robot.lookup("#clusterList").queryListView();
        Fx.waitUntil("the groups to be listed", 20, () -> !groups.getItems().isEmpty());
        FaceCluster largest = Fx.get(() -> groups.getItems().get(0));
        assertThat(largest.size()).isGreaterThanOrEqualTo(2);
        assertThat(Fx.get(() -> groups.getItems().stream().mapToInt(FaceCluster::size).max().orElse(0))).isEqualTo(largest.size());
        assertThat(d.count("SELECT count(*) FROM face_crops WHERE cluster_id = " + largest.clusterId() + " AND person_id IS NULL"))
                .isEqualTo(largest.size());

        Node firstRow = robot.lookup("#clusterList .cluster-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((javafx.scene.control.ListCell<?>) n).getIndex() == 0).findFirst().orElseThrow();
        robot.clickOn(firstRow.lookup(".cluster-name")).write("Person One");
        robot.clickOn(firstRow.lookup(".cluster-apply"));

        Fx.waitUntil("the named group to reach the catalog", 20,
                () -> d.count("SELECT count(*) FROM persons WHERE name = 'Person One'") == 1);
        assertThat(d.count("SELECT count(*) FROM face_crops f JOIN persons p ON p.id = f.person_id"
                + " WHERE p.name = 'Person One' AND f.assigned_by = 'user'")).isEqualTo(largest.size());
        Fx.waitUntil("the group to leave the list", 10,
                () -> groups.getItems().stream().noneMatch(c -> c.clusterId() == largest.clusterId()));
        Fx.waitUntil("Person One in the sidebar", 10,
                () -> window.sidebar().people().stream().anyMatch(p -> p.person().name().equals("Person One")));

        robot.clickOn("#undoButton");
        Fx.waitUntil("the undo to reach the catalog", 20, () -> d.count("SELECT count(*) FROM persons WHERE name = 'Person One'") == 0);
        assertThat(d.count("SELECT count(*) FROM face_crops WHERE cluster_id = " + largest.clusterId() + " AND person_id IS NULL"))
                .isEqualTo(largest.size());
    }
}
