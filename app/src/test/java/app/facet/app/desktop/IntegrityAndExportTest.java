package app.facet.app.desktop;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.integrity.CheckMode;
import app.facet.core.integrity.CheckResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity side of the desktop app over a real catalog with a planted problem (a person without faces, made by
 * raw SQL): the start-up quick check raises the status bar badge, the badge opens the report, File → Export… writes
 * the people, and Repair… (after its preview) fixes the catalog with a backup, after which the badge goes away.
 */
class IntegrityAndExportTest {
    @TempDir
    Path tmp;
    LibraryLocation library;
    Path export;
    FacetApplication app;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        library = new LibraryLocation(tmp.resolve("library"));
        try (Connection c = Catalog.open(library).connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO persons(name) VALUES ('Nobody')");
        }
        export = tmp.resolve("out/people.json");
        Files.createDirectories(export.getParent());
        DesktopOptions options = new DesktopOptions(library, SharedPhotos.MODELS, "mobilefacenet", tmp.resolve("settings.json"),
                (owner, title) -> Optional.empty(), (owner, title, name, extensions) -> Optional.of(export));
        FxToolkit.registerPrimaryStage();
        app = (FacetApplication) FxToolkit.setupApplication(() -> new FacetApplication(options));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void badgeReportExportAndRepair() throws Exception {
        Fx.waitUntil("the quick check's badge", 30, () -> robot.lookup("#integrityBadge").query().isVisible());
        assertThat(robot.lookup("#integrityBadge").queryLabeled().getText()).isEqualTo("1 integrity problem");

        robot.clickOn("#integrityBadge");
        Fx.waitUntil("the report window", 30, () -> app.window().integrityWindow().shown() != null);
        CheckResult empty = Fx.get(() -> app.window().integrityWindow().shown().problems().get(0));
        assertThat(empty.title()).isEqualTo("Persons with no faces");
        assertThat(empty.count()).isEqualTo(1);
        assertThat(robot.lookup("#integritySummary").queryLabeled().getText()).contains("1 problem");
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);

        robot.clickOn("File").clickOn("#menuExport");
        Fx.waitUntil("the export file", 30, () -> Files.isRegularFile(export)
                && robot.lookup("#statusMessage").queryLabeled().getText().startsWith("Exported"));
        JsonNode json = new ObjectMapper().readTree(export.toFile());
        assertThat(json.get("persons").get(0).get("name").asText()).isEqualTo("Nobody");

        robot.clickOn("Tools").clickOn("#menuVerify");
        Fx.waitUntil("the full check", 60, () -> app.window().integrityWindow().shown() != null
                && app.window().integrityWindow().shown().mode() == CheckMode.FULL
                && robot.lookup("#taskLabel").query().isVisible() == false);
        robot.clickOn("#integrityRepair");
        Fx.waitUntil("the repair preview", 60, () -> robot.lookup("#repairPlan").tryQuery().isPresent());
        assertThat(robot.lookup("#repairPlan").queryTextInputControl().getText()).contains("Nobody");
        robot.clickOn("Back Up and Repair");
        Fx.waitUntil("the repair to reach the catalog", 60, () -> count("SELECT count(*) FROM persons") == 0);
        Fx.waitUntil("the badge to go away", 30, () -> !robot.lookup("#integrityBadge").query().isVisible());
        try (Stream<Path> backups = Files.list(library.backupsDir())) {
            assertThat(backups.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(1);
        }
    }

    private int count(String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
