package app.facet.app.desktop;

import app.facet.app.cli.FacetCommand;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.people.PeopleService;
import app.facet.ui.review.ReviewEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names in photo metadata from the desktop, over real photos and a real catalog: Tools → Decisions Needing Review…
 * lists a malformed sidecar's recorded reason and dismisses it; "Keep Sidecars in Sync" is remembered and writes the
 * sidecar of a named face at once and again when the name changes; Tools → Write Names to Sidecars… writes it.
 */
class MetadataDesktopTest {
    @TempDir
    Path tmp;
    LibraryLocation library;
    Path photos;
    Path settings;
    FacetApplication app;
    final FxRobot robot = new FxRobot();
    long personId;

    @BeforeEach
    void start() throws Exception {
        photos = Files.createDirectories(tmp.resolve("photos"));
        Files.copy(SharedPhotos.PHOTOS.resolve("people/barack_obama/obama.jpg"), photos.resolve("obama.jpg"));
        Files.copy(SharedPhotos.PHOTOS.resolve("people/joe_biden/biden.jpg"), photos.resolve("biden.jpg"));
        Files.writeString(photos.resolve("obama.jpg.xmp"), "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF <<< broken",
                StandardCharsets.UTF_8);
        library = new LibraryLocation(tmp.resolve("library"));
        assertThat(FacetCommand.run("scan", photos.toString(), "--library", library.root().toString(), "--models",
                SharedPhotos.MODELS.toString(), "--embedding-model", "mobilefacenet", "--threads", "1")).isZero();
        Catalog catalog = Catalog.open(library);
        long face;
        try (Connection c = catalog.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path LIKE '%biden.jpg'")) {
            rs.next();
            face = rs.getLong(1);
        }
        new PeopleService(catalog).assignFaceToNewPerson(face, "Joe Biden");
        try (Connection c = catalog.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM persons WHERE name = 'Joe Biden'")) {
            rs.next();
            personId = rs.getLong(1);
        }
        settings = tmp.resolve("settings.json");
        DesktopOptions options = new DesktopOptions(library, SharedPhotos.MODELS, "mobilefacenet", settings,
                (owner, title) -> Optional.empty(), (owner, title, name, extensions) -> Optional.empty());
        FxToolkit.registerPrimaryStage();
        app = (FacetApplication) FxToolkit.setupApplication(() -> new FacetApplication(options));
        Fx.waitUntil("the library to open", 60, () -> app.window().session().library() != null);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void reviewWindowListsAndDismissesAMalformedSidecarsReason() throws Exception {
        robot.clickOn("Tools").clickOn("#menuReview");
        Fx.waitUntil("the review row", 30, () -> app.window().metadataTools().reviewWindow().stage().isShowing()
                && robot.lookup("#reviewTable").queryTableView().getItems().size() == 1);
        ReviewEntry row = (ReviewEntry) Fx.get(() -> robot.lookup("#reviewTable").queryTableView().getItems().get(0));
        assertThat(row.kind()).isEqualTo("bad metadata");
        assertThat(row.photoPath()).endsWith("obama.jpg");
        assertThat(row.reason()).contains("obama.jpg.xmp");
        assertThat(robot.lookup("#reviewSummary").queryLabeled().getText()).startsWith("1 item needs review");

        Fx.run(() -> robot.lookup("#reviewTable").queryTableView().getSelectionModel().select(0));
        robot.clickOn("#reviewDismiss");
        Fx.waitUntil("the row to go", 30, () -> robot.lookup("#reviewTable").queryTableView().getItems().isEmpty());
        assertThat(count("SELECT count(*) FROM metadata_reviews")).isZero();
    }

    @Test
    void keepSidecarsInSyncIsRememberedAndWritesWhenNamesChange() throws Exception {
        Path sidecar = photos.resolve("biden.jpg.xmp");
        assertThat(sidecar).doesNotExist();
        robot.clickOn("Tools").clickOn("#menuKeepSidecarsInSync");
        Fx.waitUntil("the sidecar", 60, () -> Files.isRegularFile(sidecar) && Files.readString(sidecar).contains("Joe Biden"));
        Fx.waitUntil("the setting to be saved", 30, () -> Files.isRegularFile(settings)
                && syncSetting());

        // a people action renames the person and announces the change, as every people action does
        Fx.run(() -> {
            app.window().session().library().peopleService().rename(personId, "Joseph Biden");
            app.window().session().catalogChanged();
        });
        Fx.waitUntil("the renamed sidecar", 60, () -> Files.readString(sidecar).contains("Joseph Biden")
                && !Files.readString(sidecar).contains("Joe Biden<"));
        assertThat(Files.exists(photos.resolve("obama.jpg.xmp"))).isTrue();   // the broken sidecar of a photo without names
        assertThat(Files.readString(photos.resolve("obama.jpg.xmp"))).contains("<<< broken");

        robot.clickOn("Tools").clickOn("#menuKeepSidecarsInSync");
        Fx.waitUntil("the setting to be saved off", 30, () -> !syncSetting());
        Files.delete(sidecar);
        robot.clickOn("Tools").clickOn("#menuWriteSidecars");
        robot.clickOn("Write");
        Fx.waitUntil("the sidecar written by the action", 60, () -> Files.isRegularFile(sidecar)
                && Files.readString(sidecar).contains("Joseph Biden"));
    }

    private boolean syncSetting() throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(settings.toFile()).path("keepSidecarsInSync").asBoolean();
    }

    private int count(String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
