package app.facet.app.desktop;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PhotoFilter;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.library.FacetLibrary;
import app.facet.core.library.ModelOptions;
import app.facet.core.settings.UserSettingsStore;
import app.facet.core.transfer.AssignmentExport;
import app.facet.core.transfer.AssignmentExporter;
import app.facet.core.transfer.AssignmentFiles;
import app.facet.core.transfer.AssignmentFormat;
import app.facet.core.transfer.ExportedFace;
import app.facet.ui.dialogs.StartFolder;
import app.facet.ui.library.PhotoTileView;
import app.facet.ui.main.MainWindow;
import app.facet.ui.transfer.RestorePreviewDialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window-level items of issue 11 on the real app (FacetApplication, OpenCV/ONNX analyzer, real SQLite), headless,
 * over one real scan of the shared photos: the window follows a change another process makes to the catalog (keeping
 * the selection and scroll position, and not reloading twice for its own changes), Faces → Detect Faces on the grid's
 * selection keeps a named face named, File → Restore… previews before it applies, and the folder of the last file
 * dialog is remembered in the settings file. Every result is checked in the catalog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WindowRefreshAndRestoreTest {
    @TempDir
    static Path tmp;
    ScannedDesktop d;
    LibraryLocation library;
    Path settingsFile;
    FacetApplication app;
    FxRobot robot;

    @BeforeAll
    void startScanAndNameTwoPeople() throws Exception {
        d = ScannedDesktop.startAndScan(tmp);
        library = d.library;
        app = d.app;
        robot = d.robot;
        settingsFile = d.settingsFile;
        d.assignToNewPerson("people/kit_harington/kit1.jpg", "Kit Harington");
        d.assignToNewPerson("people/barack_obama/obama.jpg", "Barack Obama");
    }

    @BeforeEach
    void onlyTheMainWindow() {
        d.onlyTheMainWindow();
    }

    @AfterAll
    void stop() throws Exception {
        ScannedDesktop.stop(d);
    }

    @Test
    @Order(1)
    void aRenameByAnotherProcessShowsWithinSecondsAndTheSelectionAndFilterStay() throws Exception {
        MainWindow window = app.window();
        long obama = d.number("SELECT id FROM persons WHERE name = 'Barack Obama'");
        Fx.run(() -> window.session().showPerson(PersonFilter.only(obama)));
        Fx.waitUntil("the grid on Barack Obama's photos", 20, () -> window.libraryView().grid().size() > 0
                && window.libraryView().grid().photos().filter().person().equals(PersonFilter.only(obama)));
        Fx.run(() -> window.libraryView().model().select(0));
        long[] selected = Fx.get(() -> window.libraryView().grid().selectedIds());
        assertThat(selected).hasSize(1);
        long revision = Fx.get(() -> window.session().revisionProperty().get());

        // another process: its own FacetLibrary over the same folder, as `facet people rename` opens it
        long changedAt = System.nanoTime();
        try (FacetLibrary other = FacetLibrary.open(library, ModelOptions.DEFAULTS)) {
            other.people().people().rename(obama, "Barack H. Obama");
        }
        Fx.waitUntil("the sidebar to show the new name", 10, () -> window.sidebar().people().stream()
                .anyMatch(p -> p.person().name().equals("Barack H. Obama")), () -> "revision " + window.session().revisionProperty().get());
        double seconds = (System.nanoTime() - changedAt) / 1e9;
        System.out.printf("event=external_change_shown seconds=%.2f%n", seconds);

        assertThat(Fx.get(() -> window.session().filter().person())).isEqualTo(PersonFilter.only(obama));
        Fx.waitUntil("the grid reloaded", 10, () -> window.session().revisionProperty().get() > revision
                && window.libraryView().grid().size() > 0);
        assertThat(Fx.get(() -> window.libraryView().grid().selectedIds())).containsExactly(selected);
        // the sidebar row selected is still the person's (its entry types are the sidebar's own: read it as text)
        String row = Fx.get(() -> String.valueOf(window.sidebar().listView().getSelectionModel().getSelectedItem()));
        assertThat(row).startsWith("PersonRow[").contains("name=Barack H. Obama");
        assertThat(text("#photoCount")).endsWith("· Barack H. Obama");
    }

    @Test
    @Order(2)
    void theGridKeepsItsScrollPositionAndAChangeByTheWindowItselfReloadsOnce() throws Exception {
        MainWindow window = app.window();
        Fx.run(() -> {
            window.session().filterProperty().set(PhotoFilter.ALL);
            window.stage().setHeight(500); // fewer rows than photos fit: the grid scrolls
        });
        Fx.waitUntil("every photo in the grid", 20, () -> window.libraryView().grid().size() >= 20);
        Fx.run(() -> window.libraryView().grid().listView().scrollTo(2));
        Fx.waitUntil("the grid scrolled", 10, () -> firstVisible(window) > 0);
        int first = Fx.get(() -> firstVisible(window));
        Fx.run(() -> {
            window.libraryView().model().select(first);
            window.libraryView().model().toggle(first + 1);
        });
        long[] selected = Fx.get(() -> window.libraryView().grid().selectedIds());

        long kit = d.number("SELECT id FROM persons WHERE name = 'Kit Harington'");
        long before = Fx.get(() -> window.session().revisionProperty().get());
        try (FacetLibrary other = FacetLibrary.open(library, ModelOptions.DEFAULTS)) {
            other.people().people().hidePerson(kit, true);
        }
        Fx.waitUntil("the window to follow the other process", 10, () -> window.session().revisionProperty().get() > before);
        Fx.waitUntil("the grid shown again", 10, () -> !window.libraryView().grid().visibleTiles().isEmpty());
        assertThat(Fx.get(() -> firstVisible(window))).isEqualTo(first);
        assertThat(Fx.get(() -> window.libraryView().grid().selectedIds())).containsExactly(selected);

        // the window's own change (as every action does: write, then catalogChanged) reloads once, not once more when
        // the change watch sees the same commit
        Thread.sleep(2500); // the refresh of the other process's change is acknowledged
        long own = Fx.get(() -> window.session().revisionProperty().get());
        window.session().library().peopleService().hidePerson(kit, false);
        Fx.run(() -> window.session().catalogChanged());
        Thread.sleep(3500); // three looks of the change watch
        assertThat(Fx.get(() -> window.session().revisionProperty().get())).isEqualTo(own + 1);
        Fx.run(() -> window.stage().setHeight(820));
    }

    @Test
    @Order(3)
    void detectFacesOnTheSelectedPhotoKeepsItsNamedFaceNamed() throws Exception {
        MainWindow window = app.window();
        String kit1 = ScannedDesktop.real(SharedPhotos.PHOTOS.resolve("people/kit_harington/kit1.jpg")).toString();
        long faceBefore = d.number("SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id JOIN persons pn ON pn.id = f.person_id"
                + " WHERE p.path = '" + kit1 + "' AND pn.name = 'Kit Harington'");
        Fx.run(() -> window.session().filterProperty().set(PhotoFilter.ALL.withFolder(ScannedDesktop.real(SharedPhotos.PHOTOS.resolve("people/kit_harington")))));
        Fx.run(() -> window.libraryView().model().clearSelection());
        assertThat(Fx.get(() -> d.menuItem("menuDetectFaces").isDisable())).as("nothing selected").isTrue();
        robot.clickOn(d.caption("kit1.jpg"));
        Fx.waitUntil("Detect Faces enabled for the selection", 10, () -> !d.menuItem("menuDetectFaces").isDisable());

        d.menu("Faces", "#menuDetectFaces");
        Fx.waitUntil("the confirmation", 10, () -> ScannedDesktop.dialogWithHeader("Detect the faces of the selected photo again?") != null);
        DialogPane confirm = Fx.get(() -> ScannedDesktop.dialogWithHeader("Detect the faces of the selected photo again?"));
        robot.clickOn(Fx.get(() -> confirm.getButtonTypes().stream().filter(b -> b.getText().equals("Detect Faces"))
                .map(confirm::lookupButton).findFirst().orElseThrow()));
        Fx.waitUntil("the re-detection to finish", 120, () -> d.status().startsWith("Detected faces again in 1 photo"), d::status);

        long faceAfter = d.number("SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id JOIN persons pn ON pn.id = f.person_id"
                + " WHERE p.path = '" + kit1 + "' AND pn.name = 'Kit Harington' AND f.assigned_by = 'user'");
        assertThat(faceAfter).as("a new face row (detected again) that kept the user's name").isNotEqualTo(faceBefore);
        assertThat(d.count("SELECT count(*) FROM face_crops WHERE id = " + faceBefore)).isZero();
        assertThat(d.status()).contains("1 at the place of a face found before");
    }

    @Test
    @Order(4)
    void restorePreviewsCountsAndConflictsAndAppliesOnlyOnApply() throws Exception {
        MainWindow window = app.window();
        Fx.run(() -> window.session().filterProperty().set(PhotoFilter.ALL));
        // an export of today's decisions, plus one decision on a box where the photo has no face (a conflict)
        AssignmentExport export;
        try (FacetLibrary other = FacetLibrary.open(library, ModelOptions.DEFAULTS)) {
            export = new AssignmentExporter(other.catalog()).export();
        }
        ExportedFace obama = export.faces().stream().filter(f -> "Barack H. Obama".equals(f.person())).findFirst().orElseThrow();
        List<ExportedFace> faces = new ArrayList<>(export.faces());
        faces.add(new ExportedFace(obama.photoPath(), obama.contentHash(), 1, 1, 8, 8, "Barack H. Obama", "user", false, false, List.of(), false));
        Path file = tmp.resolve("exports/facet-people.json");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AssignmentFiles.write(new AssignmentExport(export.version(), export.exportedAt(), export.persons(), faces, export.noFaces()),
                    AssignmentFormat.JSON, out);
        }
        // then the user takes Obama's face off him: the restore puts it back
        long obamaFace = d.number("SELECT f.id FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE p.name = 'Barack H. Obama'");
        window.session().library().peopleService().unassignFace(obamaFace);
        Fx.run(() -> window.session().catalogChanged());

        assertThat(Fx.get(() -> d.menuItem("menuRestore").isDisable())).isFalse();
        Fx.run(() -> window.restore().preview(file));
        Fx.waitUntil("the restore preview", 60, () -> window.restore().previewDialog() != null
                && window.restore().previewDialog().dialog().isShowing());
        RestorePreviewDialog preview = Fx.get(() -> window.restore().previewDialog());
        DialogPane pane = Fx.get(() -> preview.dialog().getDialogPane());
        assertThat(Fx.get(() -> ((Labeled) pane.lookup("#restoreSummary")).getText())).isEqualTo("Assign 1 face to a person");
        assertThat(Fx.get(() -> ((Labeled) pane.lookup("#restoreHeadline")).getText())).startsWith(faces.size() + " faces in the file");
        assertThat(Fx.get(() -> ((Labeled) pane.lookup("#restoreConflictCount")).getText())).isEqualTo("1 conflict:");
        List<String> conflicts = Fx.get(() -> ((javafx.scene.layout.Pane) pane.lookup("#restoreConflicts")).getChildren().stream()
                .map(n -> ((Labeled) n).getText()).toList());
        assertThat(conflicts).singleElement().asString().startsWith("Not applied: " + obama.photoPath() + " (Barack H. Obama): no face");
        assertThat(d.count("SELECT count(*) FROM face_crops WHERE id = " + obamaFace + " AND person_id IS NULL"))
                .as("a preview changes nothing").isEqualTo(1);

        robot.clickOn(Fx.get(() -> pane.lookupButton(RestorePreviewDialog.APPLY)));
        Fx.waitUntil("the restore to finish", 60, () -> d.status().startsWith("Restored facet-people.json: 1 change, 1 not matched"), d::status);
        assertThat(d.count("SELECT count(*) FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE f.id = " + obamaFace
                + " AND p.name = 'Barack H. Obama' AND f.assigned_by = 'user'")).isEqualTo(1);
        assertThat(d.status()).contains("backup of the catalog before it: ");
    }

    @Test
    @Order(5)
    void theFolderOfTheLastFileDialogIsSavedInTheSettingsFile() throws Exception {
        Path exports = Files.createDirectories(tmp.resolve("exports"));
        Fx.run(() -> StartFolder.session().used(exports.resolve("facet-people.json")));
        Fx.waitUntil("the folder in the settings file", 10,
                () -> exports.toString().equals(new UserSettingsStore(settingsFile).load().lastFolder()));
        assertThat(StartFolder.session().initial()).isEqualTo(exports);
    }

    // ---- helpers ----

    private String text(String id) {
        return Fx.get(() -> ((Labeled) app.window().stage().getScene().lookup(id)).getText());
    }

    private static int firstVisible(MainWindow window) {
        return window.libraryView().grid().visibleTiles().stream().mapToInt(PhotoTileView::index).min().orElse(-1);
    }
}
