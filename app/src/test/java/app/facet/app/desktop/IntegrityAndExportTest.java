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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
    ScannedDesktop d;
    FacetApplication app;
    FxRobot robot;

    @BeforeEach
    void start() throws Exception {
        library = ScannedDesktop.libraryIn(tmp);
        try (Connection c = Catalog.open(library).connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO persons(name) VALUES ('Nobody')");
        }
        export = tmp.resolve("out/people.json");
        Files.createDirectories(export.getParent());
        d = ScannedDesktop.start(tmp, ScannedDesktop.Setup.shared().folder(null).saves((owner, title, name, extensions) -> Optional.of(export)));
        app = d.app;
        robot = d.robot;
    }

    @AfterEach
    void stop() throws Exception {
        ScannedDesktop.stop(d);
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

        d.menu("File", "#menuExport");
        Fx.waitUntil("the export file", 30, () -> Files.isRegularFile(export)
                && robot.lookup("#statusMessage").queryLabeled().getText().startsWith("Exported"));
        JsonNode json = new ObjectMapper().readTree(export.toFile());
        assertThat(json.get("persons").get(0).get("name").asText()).isEqualTo("Nobody");

        d.menu("Tools", "#menuVerify");
        Fx.waitUntil("the full check", 60, () -> app.window().integrityWindow().shown() != null
                && app.window().integrityWindow().shown().mode() == CheckMode.FULL
                && robot.lookup("#taskLabel").query().isVisible() == false);
        robot.clickOn("#integrityRepair");
        Fx.waitUntil("the repair preview", 60, () -> robot.lookup("#repairPlan").tryQuery().isPresent());
        assertThat(robot.lookup("#repairPlan").queryTextInputControl().getText()).contains("Nobody");
        robot.clickOn("Back Up and Repair");
        Fx.waitUntil("the repair to reach the catalog", 60, () -> d.count("SELECT count(*) FROM persons") == 0);
        Fx.waitUntil("the badge to go away", 30, () -> !robot.lookup("#integrityBadge").query().isVisible());
        try (Stream<Path> backups = Files.list(library.backupsDir())) {
            assertThat(backups.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(1);
        }
    }
}
