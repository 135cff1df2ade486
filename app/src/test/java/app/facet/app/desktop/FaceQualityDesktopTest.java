package app.facet.app.desktop;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PhotoFilter;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.dashboard.FaceListing;
import app.facet.core.dashboard.StatusFilter;
import app.facet.ui.dashboard.DashboardWindow;
import app.facet.ui.editor.FaceEditorWindow;
import app.facet.ui.main.MainWindow;
import app.facet.ui.people.NameField;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The face quality dashboard and the crop editor in the real desktop app (FacetApplication with the OpenCV/ONNX
 * analyzer), headless (Monocle), over a real catalog built the way {@link DesktopShellTest} builds it: File → Add
 * Folder… on the shared photos and the real scan. Each test works on its own photo; every result is checked in the
 * catalog itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaceQualityDesktopTest {
    @TempDir
    static Path tmp;
    ScannedDesktop d;
    LibraryLocation library;
    FacetApplication app;
    FxRobot robot;

    @BeforeAll
    void startAndScan() throws Exception {
        d = ScannedDesktop.startAndScan(tmp);
        library = d.library;
        app = d.app;
        robot = d.robot;
        assertThat(d.count("SELECT count(*) FROM photos")).isEqualTo(SharedPhotos.labels().size());
    }

    /** Each test starts from the main window alone (a failed test may leave a window open over the menus). */
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
    void drawABoxInTheEditorSaveAndTheFaceIsInTheCatalogWithAnEmbeddingAndInThePersonsPhotos() throws Exception {
        MainWindow window = app.window();
        Path kit = ScannedDesktop.real(SharedPhotos.PHOTOS.resolve("people/kit_harington/kit1.jpg"));
        long detected = d.number("SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path = ?", kit.toString());
        double[] box = box(detected);

        // the photo viewer's "Edit Faces…" opens the crop editor on the photo
        Fx.run(() -> window.session().filterProperty().set(PhotoFilter.ALL.withFolder(kit.getParent())));
        robot.doubleClickOn(d.caption("kit1.jpg"));
        Fx.waitUntil("the viewer on kit1.jpg", 30, () -> window.viewer().photo() != null && window.viewer().photo().path().equals(kit.toString()));
        robot.clickOn("#viewerEditFaces");
        FaceEditorWindow editor = Fx.get(() -> window.faceQuality().editor()); // built on first use, on the FX thread
        Fx.waitUntil("the editor on kit1.jpg", 30, () -> editor.stage().isShowing() && editor.photo() != null
                && editor.photo().path().equals(kit.toString()) && editor.boxLabels().equals(List.of("Unknown")));

        // the detector's box goes; the user draws their own around the face and names it
        Node boxNode = robot.lookup(".editor-box").queryAll().iterator().next();
        robot.clickOn(boxNode);
        Fx.waitUntil("the box to be selected", 10, () -> !robot.lookup("#editorDeleteBox").queryButton().isDisabled());
        robot.clickOn("#editorDeleteBox");
        Fx.waitUntil("the box to be gone", 10, () -> editor.boxLabels().isEmpty() && editor.isDirty());
        robot.clickOn("#editorDraw");
        Point2D from = ScannedDesktop.onPhoto(editor, box[0] - 0.05 * box[2], box[1] - 0.05 * box[3]);
        Point2D to = ScannedDesktop.onPhoto(editor, box[0] + 1.05 * box[2], box[1] + 1.05 * box[3]);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.midpoint(to)).moveTo(to).release(MouseButton.PRIMARY);
        Fx.waitUntil("the drawn box", 10, () -> editor.boxLabels().equals(List.of("New face")));
        robot.clickOn("#editorPerson").write("Kit Harington");
        Fx.waitUntil("the box to be named", 10, () -> editor.boxLabels().equals(List.of("Kit Harington")));
        robot.clickOn("#editorSave");
        Fx.waitUntil("the save to reach the catalog", 60, () -> !editor.isDirty()
                && d.count("SELECT count(*) FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE p.name = 'Kit Harington'") == 1);

        // in the catalog: a manual face with an embedding, named by the user, the detected row gone
        long face = d.number("SELECT f.id FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE p.name = 'Kit Harington'");
        assertThat(d.count("SELECT count(*) FROM face_crops WHERE id = " + detected)).isZero();
        assertThat(d.text("SELECT detector FROM face_crops WHERE id = " + face)).isEqualTo("manual");
        assertThat(d.text("SELECT assigned_by FROM face_crops WHERE id = " + face)).isEqualTo("user");
        assertThat(d.count("SELECT length(embedding) FROM face_crops WHERE id = " + face)).isEqualTo(128 * 4);
        assertThat(d.text("SELECT image_path FROM face_crops WHERE id = " + face)).isEqualTo(kit.toString());
        double[] drawn = box(face);
        assertThat(drawn[2]).isBetween(box[2] * 0.95, box[2] * 1.2);
        assertThat(library.resolve(d.text("SELECT crop_path FROM face_crops WHERE id = " + face))).exists();
        Fx.waitUntil("the editor to show the saved face", 30, () -> editor.boxLabels().equals(List.of("Kit Harington")));

        // the person field completes names: typing part of one offers the people whose name contains it
        robot.clickOn(robot.lookup(".editor-box").queryAll().iterator().next());
        robot.clickOn("#editorPerson").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("kit h");
        NameField personField = robot.lookup("#editorPerson").queryAs(NameField.class);
        Fx.waitUntil("the names offered", 10, () -> personField.shownMatches().equals(List.of("Kit Harington")));
        robot.clickOn(robot.lookup(".name-suggestions .list-cell").queryAll().stream()
                .filter(n -> n instanceof Labeled l && "Kit Harington".equals(l.getText())).findFirst().orElseThrow());
        Fx.waitUntil("the name picked", 10, () -> editor.boxLabels().equals(List.of("Kit Harington")) && !editor.isDirty());

        // and among the person's photos: the sidebar lists Kit Harington, whose filter shows kit1.jpg
        Fx.run(() -> {
            editor.stage().close();
            window.viewer().stage().close();
        });
        Fx.waitUntil("Kit Harington in the sidebar", 20, () -> robot.lookup("#peopleList .sidebar-name").queryAll().stream()
                .anyMatch(n -> n.isVisible() && "Kit Harington".equals(((Labeled) n).getText())));
        long person = d.number("SELECT id FROM persons WHERE name = 'Kit Harington'");
        Fx.run(() -> window.session().filterProperty().set(PhotoFilter.ALL.withPerson(PersonFilter.only(person))));
        Fx.waitUntil("the person's photos in the grid", 20, () -> window.libraryView().grid().size() == 1
                && window.libraryView().grid().visibleTiles().stream().allMatch(t -> t.photo() != null && t.photo().path().equals(kit.toString())));
        assertThat(d.count("SELECT photo_count FROM persons WHERE id = " + person)).isEqualTo(1);
        Fx.run(() -> window.session().filterProperty().set(PhotoFilter.ALL));
    }

    @Test
    @Order(2)
    void openingAFaceCropAFileOutsideTheLibraryOrAMissingFileIsRefusedWithADialogAndOpensNothing() throws Exception {
        MainWindow window = app.window();
        FaceEditorWindow editor = Fx.get(() -> window.faceQuality().editor()); // built on first use, on the FX thread
        Fx.run(() -> window.session().filterProperty().set(PhotoFilter.ALL));
        Path crop = library.resolve(d.text("SELECT crop_path FROM face_crops LIMIT 1"));
        Path outside = tmp.resolve("elsewhere/obama.jpg");
        Files.createDirectories(outside.getParent());
        Files.copy(SharedPhotos.PHOTOS.resolve("people/barack_obama/obama.jpg"), outside);
        Path missing = tmp.resolve("elsewhere/never-existed.jpg");

        refusedThroughTheMenu(window, crop, "is a face crop made by Facet, not an original photo");
        refusedThroughTheMenu(window, outside, "is not a photo of this library");
        refusedThroughTheMenu(window, missing, "is not a photo of this library");
        assertThat(Fx.get(() -> editor.stage().isShowing())).isFalse();
        assertThat(Fx.get(editor::photo)).isNull();
    }

    @Test
    @Order(3)
    void removingEveryFaceFromTheDashboardsReviewRecordsThePhotoAsNoFaces() throws Exception {
        MainWindow window = app.window();
        Path two = ScannedDesktop.real(SharedPhotos.PHOTOS.resolve("groups/two_people.jpg"));
        long photoId = d.number("SELECT id FROM photos WHERE path = ?", two.toString());
        List<String> crops = d.strings("SELECT crop_path FROM face_crops WHERE photo_id = " + photoId);
        assertThat(crops).hasSize(2);

        DashboardWindow dashboard = openDashboard();
        FaceListing row = Fx.get(() -> dashboard.rows().stream().filter(r -> r.photoId() == photoId).findFirst().orElseThrow());
        robot.clickOn(reviewButton(row.faceId()));
        FaceEditorWindow editor = Fx.get(() -> window.faceQuality().editor()); // built on first use, on the FX thread
        Fx.waitUntil("the editor on two_people.jpg", 30, () -> editor.stage().isShowing() && editor.photo() != null
                && editor.photo().photoId() == photoId && editor.boxLabels().size() == 2);

        for (int i = 0; i < 2; i++) {
            robot.clickOn(robot.lookup(".editor-box").queryAll().iterator().next());
            robot.clickOn("#editorDeleteBox");
        }
        Fx.waitUntil("no box left", 10, () -> editor.boxLabels().isEmpty() && editor.isDirty());

        // closing with unsaved changes asks first; Cancel keeps the editor and the changes
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil("the unsaved-changes question", 10, () -> dialog("editorUnsaved") != null);
        robot.clickOn(button(dialog("editorUnsaved"), "Cancel"));
        assertThat(Fx.get(() -> editor.stage().isShowing() && editor.isDirty())).isTrue();
        assertThat(d.text("SELECT scan_state FROM photos WHERE id = " + photoId)).isEqualTo("done");

        // close again and choose Save: saved, then closed
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil("the unsaved-changes question", 10, () -> dialog("editorUnsaved") != null);
        robot.clickOn(button(dialog("editorUnsaved"), "Save"));
        Fx.waitUntil("the save to reach the catalog and the editor to close", 60,
                () -> !editor.stage().isShowing() && "no_faces".equals(d.text("SELECT scan_state FROM photos WHERE id = " + photoId)));
        assertThat(d.count("SELECT count(*) FROM face_crops WHERE photo_id = " + photoId)).isZero();
        assertThat(crops).allSatisfy(c -> assertThat(library.resolve(c)).doesNotExist());
        Fx.waitUntil("the dashboard to drop the photo's faces", 20,
                () -> dashboard.rows().stream().noneMatch(r -> r.photoId() == photoId));
    }

    @Test
    @Order(4)
    void aRowMadeInvalidByRawSqlIsShownInvalidWithItsReasonAndCannotBeReviewed() throws Exception {
        Path biden = ScannedDesktop.real(SharedPhotos.PHOTOS.resolve("people/joe_biden/biden2.jpg"));
        long face = d.number("SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path = ? ORDER BY f.id LIMIT 1",
                biden.toString());
        // the old corruption, planted as a legacy tool would: the guard has to be dropped first
        try (Connection c = d.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER face_crops_guard_update");
            s.execute("UPDATE face_crops SET image_path = crop_path WHERE id = " + face);
        }

        DashboardWindow dashboard = openDashboard();
        Fx.waitUntil("the broken row to be flagged", 30, () -> dashboard.rows().stream()
                .anyMatch(r -> r.faceId() == face && r.invalid()));
        FaceListing row = Fx.get(() -> dashboard.rows().stream().filter(r -> r.faceId() == face).findFirst().orElseThrow());
        assertThat(row.invalidReason()).contains("image_path_is_crop");
        assertThat(d.text("SELECT status FROM face_crops WHERE id = " + face)).isEqualTo("invalid");
        assertThat(Integer.parseInt(Fx.get(() -> dashboard.coverageValue("coverageInvalid")))).isGreaterThanOrEqualTo(1);

        // the row says so, and its Review button is disabled
        TableRow<?> tableRow = tableRow(face);
        assertThat(cellTexts(tableRow)).contains("⚠ Invalid").anyMatch(t -> t.contains("image_path_is_crop"));
        Button review = reviewButton(face);
        assertThat(review.isDisabled()).isTrue();
        // looked up again: the window reloads the table when it sees the dashboard's own flagging commit, and a
        // reloaded table may show this face in another TableRow
        // clicked again if the window's reload (after the dashboard's own flagging commit) swallowed the click
        for (int attempt = 0; attempt < 5 && !onlySelected(face); attempt++) {
            robot.clickOn(cellOfFace(face, "⚠ Invalid"));
            Thread.sleep(300);
        }
        Fx.waitUntil("the row selected", 10, () -> onlySelected(face));
        assertThat(robot.lookup("#actionReview").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#actionNotAFace").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#actionDelete").queryButton().isDisabled()).isFalse();

        // filtering by status lists it among the invalid rows
        Fx.run(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<StatusFilter> status = (ComboBox<StatusFilter>) robot.lookup("#filterStatus").query();
            status.setValue(StatusFilter.INVALID);
        });
        Fx.waitUntil("only invalid rows", 20, () -> !dashboard.rows().isEmpty() && dashboard.rows().stream().allMatch(FaceListing::invalid)
                && dashboard.rows().stream().anyMatch(r -> r.faceId() == face));
    }

    // ---- helpers ----

    private DashboardWindow openDashboard() {
        DashboardWindow dashboard = Fx.get(() -> app.window().faceQuality().dashboard()); // built on first use, on the FX thread
        d.menu("Faces", "#menuDashboard");
        Fx.waitUntil("the dashboard", 60, () -> dashboard.stage().isShowing() && dashboard.isLoaded() && !dashboard.rows().isEmpty());
        return dashboard;
    }

    private void refusedThroughTheMenu(MainWindow window, Path file, String because) {
        Fx.run(() -> {
            window.libraryView().grid().listView().getSelectionModel().clearSelection();
            window.faceQuality().setPhotoChooser((owner, title) -> Optional.of(file));
        });
        Fx.waitUntil("no photo selected in the grid", 10, () -> window.libraryView().grid().selectedIds().length == 0);
        d.menu("Faces", "#menuEditFaces");
        Fx.waitUntil("the refusal dialog for " + file.getFileName(), 20, () -> dialog("editorRefusal") != null);
        DialogPane pane = dialog("editorRefusal");
        assertThat(Fx.get(pane::getContentText)).contains(because).contains(file.getFileName().toString());
        assertThat(Fx.get(() -> window.faceQuality().editor().stage().isShowing())).isFalse();
        robot.clickOn(button(pane, "OK"));
        Fx.waitUntil("the dialog to close", 10, () -> dialog("editorRefusal") == null);
    }

    private DialogPane dialog(String id) {
        return Fx.get(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p && id.equals(p.getId())) {
                    return p;
                }
            }
            return null;
        });
    }

    private static Node button(DialogPane pane, String text) {
        return Fx.get(() -> pane.getButtonTypes().stream().map(pane::lookupButton)
                .filter(b -> b instanceof Button button && text.equals(button.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text)));
    }

    @SuppressWarnings("unchecked")
    private TableView<FaceListing> dashboardTable() {
        return (TableView<FaceListing>) app.window().faceQuality().dashboard().stage().getScene().lookup("#faceTable");
    }

    private TableRow<?> tableRow(long faceId) {
        TableView<FaceListing> table = dashboardTable();
        Fx.run(() -> {
            int index = table.getItems().stream().map(FaceListing::faceId).toList().indexOf(faceId);
            table.scrollTo(index);
        });
        Fx.waitUntil("the row of face " + faceId, 10, () -> table.lookupAll(".table-row-cell").stream()
                .anyMatch(n -> n instanceof TableRow<?> r && r.getItem() instanceof FaceListing l && l.faceId() == faceId && r.isVisible()));
        return Fx.get(() -> table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() instanceof FaceListing l && l.faceId() == faceId && r.isVisible())
                .map(n -> (TableRow<?>) n).findFirst().orElseThrow());
    }

    private Button reviewButton(long faceId) {
        TableRow<?> row = tableRow(faceId);
        return Fx.get(() -> (Button) row.lookup(".review-button"));
    }

    private static List<String> cellTexts(TableRow<?> row) {
        return Fx.get(() -> row.lookupAll(".table-cell").stream().map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList());
    }

    private boolean onlySelected(long faceId) {
        return Fx.get(() -> dashboardTable().getSelectionModel().getSelectedItems().stream().map(FaceListing::faceId).toList())
                .equals(List.of(faceId));
    }

    private Node cellOfFace(long faceId, String text) {
        Fx.waitUntil("a cell \"" + text + "\" in the row of face " + faceId, 10, () -> cellWithText(tableRow(faceId), text).isPresent());
        return cellWithText(tableRow(faceId), text).orElseThrow();
    }

    private static java.util.Optional<Node> cellWithText(TableRow<?> row, String text) {
        return Fx.get(() -> row.lookupAll(".table-cell").stream().filter(n -> text.equals(((Labeled) n).getText())).findFirst());
    }

    private double[] box(long faceId) throws Exception {
        try (Connection c = d.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT x, y, w, h FROM face_crops WHERE id = " + faceId)) {
            rs.next();
            return new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
        }
    }
}
