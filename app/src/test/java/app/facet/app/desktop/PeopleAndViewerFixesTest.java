package app.facet.app.desktop;

import app.facet.core.browse.PersonFilter;
import app.facet.core.browse.PhotoFilter;
import app.facet.core.people.FaceCluster;
import app.facet.model.BoundingBox;
import app.facet.ui.editor.FaceEditorWindow;
import app.facet.ui.main.MainWindow;
import app.facet.ui.people.NameField;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.PopupWindow;
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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people and viewer defects of issue 11, on the real app (FacetApplication with the OpenCV/ONNX analyzer),
 * headless, over one real scan of the shared photos: the shortcuts table, the viewer's keys, completion in the assign
 * dialog and in Find People, the crop editor's Draw mode and person field, merging the person the grid shows, and
 * renaming to a taken name. People are named through the library's own PeopleService, like the window does; every
 * result is checked in the catalog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleAndViewerFixesTest {
    @TempDir
    static Path tmp;
    ScannedDesktop d;
    FacetApplication app;
    FxRobot robot;

    @BeforeAll
    void startScanAndNameTwoPeople() throws Exception {
        d = ScannedDesktop.startAndScan(tmp);
        app = d.app;
        robot = d.robot;
        d.assignToNewPerson("people/kit_harington/kit1.jpg", "Kit Harington");
        d.assignToNewPerson("people/barack_obama/obama.jpg", "Barack Obama");
    }

    @BeforeEach
    void onlyTheMainWindow() {
        d.onlyTheMainWindow();
        Fx.run(() -> app.window().session().filterProperty().set(PhotoFilter.ALL));
    }

    @AfterAll
    void stop() throws Exception {
        ScannedDesktop.stop(d);
    }

    @Test
    @Order(1)
    void theShortcutsTableShowsEveryEntryInFullWithThisKeyboardsKeyNames() {
        robot.push(KeyCode.F1);
        Fx.waitUntil("the shortcuts dialog", 10, () -> ScannedDesktop.dialogWithHeader("Keyboard shortcuts") != null);
        DialogPane pane = Fx.get(() -> ScannedDesktop.dialogWithHeader("Keyboard shortcuts"));
        List<String> texts = Fx.get(() -> pane.lookup("#shortcutsTable").lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(texts).hasSizeGreaterThanOrEqualTo(40).noneMatch(t -> t.contains("Shortcut"));
        String ctrl = System.getProperty("os.name").toLowerCase().contains("mac") ? "⌘" : "Ctrl+";
        assertThat(texts).contains(ctrl + "A / Esc", ctrl + "Z", "B, Delete, " + ctrl + "S");
        // every label is laid out at its full width (no "…") and inside the dialog's window (no row cut off)
        List<String> cut = Fx.get(() -> {
            Bounds window = new javafx.geometry.BoundingBox(pane.getScene().getWindow().getX(), pane.getScene().getWindow().getY(),
                    pane.getScene().getWindow().getWidth(), pane.getScene().getWindow().getHeight());
            List<String> out = new ArrayList<>();
            for (Node n : pane.lookup("#shortcutsTable").lookupAll(".label")) {
                Label l = (Label) n;
                Bounds b = l.localToScreen(l.getLayoutBounds());
                if (l.getWidth() + 0.5 < l.prefWidth(-1) || !window.contains(b)) {
                    out.add(l.getText());
                }
            }
            return out;
        });
        assertThat(cut).isEmpty();
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    @Order(2)
    void leftAndRightStepThroughThePhotosAndPlusMinusZoom() {
        MainWindow window = app.window();
        Path folder = ScannedDesktop.real(SharedPhotos.PHOTOS.resolve("people/barack_obama"));
        Fx.run(() -> window.session().filterProperty().set(PhotoFilter.ALL.withFolder(folder)));
        Fx.waitUntil("the five photos of the folder", 15, () -> window.libraryView().grid().size() == 5);
        robot.doubleClickOn(d.caption("obama.jpg"));
        Fx.waitUntil("the viewer on obama.jpg", 30, () -> shown(window).endsWith("/obama.jpg"));
        String title = Fx.get(() -> robot.lookup("#viewerTitle").queryLabeled().getText());
        assertThat(title).contains(" of 5)");
        int index = Integer.parseInt(title.replaceAll(".*\\((\\d+) of 5\\)", "$1"));
        KeyCode forward = index < 5 ? KeyCode.RIGHT : KeyCode.LEFT, back = index < 5 ? KeyCode.LEFT : KeyCode.RIGHT;

        robot.push(forward);
        Fx.waitUntil("the viewer to step to the neighbouring photo", 30,
                () -> !shown(window).isEmpty() && !shown(window).endsWith("/obama.jpg"));
        robot.push(back);
        Fx.waitUntil("the viewer to step back to obama.jpg", 30, () -> shown(window).endsWith("/obama.jpg"));

        double fitted = Fx.get(() -> window.viewer().zoom());
        robot.push(KeyCode.SHIFT, KeyCode.EQUALS); // "+" on a US keyboard
        Fx.waitUntil("+ to zoom in", 10, () -> window.viewer().zoom() > fitted * 1.2);
        double zoomed = Fx.get(() -> window.viewer().zoom());
        robot.push(KeyCode.MINUS);
        Fx.waitUntil("- to zoom out", 10, () -> window.viewer().zoom() < zoomed * 0.9);
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    @Order(3)
    void theAssignDialogCompletesAPartOfANameInsteadOfCreatingAPerson() throws Exception {
        MainWindow window = app.window();
        openInViewer(window, "groups", "kit_with_rose.jpg");
        Fx.waitUntil("an Unknown face on kit_with_rose.jpg", 30, () -> window.viewer().boxLabels().contains("Unknown"));
        int people = d.count("SELECT count(*) FROM persons");
        int kitFaces = d.count("SELECT count(*) FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE p.name = 'Kit Harington'");
        Node unknownBox = robot.lookup(".face-box-unknown").queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow();
        robot.clickOn(unknownBox);
        d.clickVisible("#faceAssign");
        robot.clickOn("#assignName").write("ki");
        NameField field = robot.lookup("#assignName").query();
        Fx.waitUntil("Kit Harington offered", 10, () -> field.shownMatches().equals(List.of("Kit Harington")));
        robot.push(KeyCode.ENTER);
        Fx.waitUntil("the name to be completed", 10, () -> "Kit Harington".equals(field.getText()));
        assertThat(d.count("SELECT count(*) FROM persons WHERE lower(name) = 'ki'")).isZero();
        robot.push(KeyCode.ENTER);
        Fx.waitUntil("the face to reach Kit Harington", 20, () -> d.count(
                "SELECT count(*) FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE p.name = 'Kit Harington'") == kitFaces + 1);
        assertThat(d.count("SELECT count(*) FROM persons")).isEqualTo(people);
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    @Order(4)
    void drawModeEndsWithTheBoxSoItsCornerHandleResizesItAndThePersonFieldShowsNoEmptyList() {
        MainWindow window = app.window();
        openInViewer(window, "people/rose_leslie", "rose1.jpg");
        robot.clickOn("#viewerEditFaces");
        FaceEditorWindow editor = Fx.get(() -> window.faceQuality().editor()); // built on first use, on the FX thread
        Fx.waitUntil("the editor on rose1.jpg", 30, () -> editor.stage().isShowing() && editor.photo() != null
                && editor.photo().path().endsWith("rose1.jpg") && !editor.boxLabels().isEmpty());
        int boxes = Fx.get(() -> editor.boxes().size());
        // a box in the photo's top-left corner, away from the detected face
        double w = Fx.get(() -> editor.photo().width()), h = Fx.get(() -> editor.photo().height());
        robot.clickOn("#editorDraw");
        Point2D from = ScannedDesktop.onPhoto(editor, 0.03 * w, 0.03 * h), to = ScannedDesktop.onPhoto(editor, 0.18 * w, 0.18 * h);
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.midpoint(to)).moveTo(to).release(MouseButton.PRIMARY);
        Fx.waitUntil("the drawn box", 10, () -> editor.boxes().size() == boxes + 1);
        assertThat(Fx.get(editor::isDrawing)).isFalse();
        assertThat(Fx.get(() -> ((ToggleButton) robot.lookup("#editorDraw").query()).isSelected())).isFalse();
        BoundingBox drawn = Fx.get(() -> editor.boxes().get(0));

        Node corner = robot.lookup(".editor-box-handle").queryAll().stream()
                .filter(n -> n.isVisible() && "BOTTOM_RIGHT".equals(String.valueOf(n.getUserData()))).findFirst().orElseThrow();
        Point2D grab = Fx.get(() -> {
            Bounds b = corner.localToScreen(corner.getLayoutBounds());
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
        Point2D drop = grab.add(Fx.get(() -> ScannedDesktop.onPhoto(editor, 0.10 * w, 0.10 * h).subtract(ScannedDesktop.onPhoto(editor, 0, 0))));
        robot.moveTo(grab).press(MouseButton.PRIMARY).moveTo(grab.midpoint(drop)).moveTo(drop).release(MouseButton.PRIMARY);
        Fx.waitUntil("the box to be resized by its corner", 10, () -> editor.boxes().size() == boxes + 1
                && editor.boxes().get(0).w() > drawn.w() + 0.05 * w && editor.boxes().get(0).h() > drawn.h() + 0.05 * h);
        BoundingBox resized = Fx.get(() -> editor.boxes().get(0));
        assertThat(resized.x()).isCloseTo(drawn.x(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(resized.y()).isCloseTo(drawn.y(), org.assertj.core.data.Offset.offset(1.0));

        // the new box is selected: its person field lists matching names, and never an empty list
        robot.clickOn("#editorPerson").write("k");
        NameField person = robot.lookup("#editorPerson").query();
        Fx.waitUntil("Kit Harington offered", 10, () -> person.shownMatches().contains("Kit Harington"));
        robot.write("zz");
        Fx.waitUntil("the list to close when nothing matches", 10, () -> openPopups().isEmpty());
        assertThat(Fx.get(() -> person.getText())).isEqualTo("kzz");
        robot.clickOn("#editorRevert");
        Fx.waitUntil("the edits to be reverted", 10, () -> !editor.isDirty());
        Fx.run(() -> editor.stage().close());
    }

    @Test
    @Order(5)
    void findPeopleKeepsTypedTextFiltersCompletesOnEnterAndEnterNamesTheGroup() throws Exception {
        d.menu("Faces", "#menuFindPeople");
        Fx.waitUntil("recognition and grouping to finish", 120,
                () -> robot.lookup("#findPeopleSummary").queryLabeled().getText().startsWith("Recognised"));
        ListView<FaceCluster> groups = robot.lookup("#clusterList").queryListView();
        Fx.waitUntil("the groups to be listed", 20, () -> !groups.getItems().isEmpty());
        int before = Fx.get(() -> groups.getItems().size());
        Fx.waitUntil("the header to count the groups", 10, () -> remaining().startsWith(before + (before == 1 ? " group " : " groups ")));
        FaceCluster first = Fx.get(() -> groups.getItems().get(0));
        Node row = firstClusterRow();
        NameField name = (NameField) row.lookup(".cluster-name");
        int barackFaces = facesOf("Barack Obama");

        robot.clickOn(name).write("barack");
        Fx.waitUntil("Barack Obama offered, and only him", 10, () -> name.shownMatches().equals(List.of("Barack Obama")));
        robot.push(KeyCode.DOWN);
        assertThat(Fx.get(() -> name.getText())).isEqualTo("barack");
        robot.push(KeyCode.ESCAPE);
        assertThat(Fx.get(() -> name.getText())).isEqualTo("barack");
        assertThat(Fx.get(() -> name.shownMatches())).isEmpty();
        robot.eraseText(6).write("bar");
        Fx.waitUntil("Barack Obama offered again", 10, () -> name.shownMatches().equals(List.of("Barack Obama")));
        robot.push(KeyCode.ENTER);
        Fx.waitUntil("Enter to complete the name", 10, () -> "Barack Obama".equals(name.getText()));
        assertThat(facesOf("Barack Obama")).isEqualTo(barackFaces); // completed, not yet named
        assertThat(Fx.get(() -> groups.getItems().contains(first))).isTrue();

        // a new name: Enter names the group
        robot.eraseText(12).write("Group Person");
        Fx.waitUntil("no list for a new name", 10, () -> name.shownMatches().isEmpty());
        robot.push(KeyCode.ENTER);
        Fx.waitUntil("the group named Group Person", 20, () -> facesOf("Group Person") == first.size());
        Fx.waitUntil("the group to leave the list", 10, () -> !groups.getItems().contains(first));
        int after = Fx.get(() -> groups.getItems().size());
        Fx.waitUntil("the header to follow", 10, () -> remaining().startsWith(
                after == 0 ? "No groups left" : after + (after == 1 ? " group " : " groups ")));
        robot.push(KeyCode.ESCAPE);
    }

    @Test
    @Order(6)
    void mergeIntoHasNoDefaultTargetAndTheGridFollowsTheMergedPerson() throws Exception {
        MainWindow window = app.window();
        d.assignToNewPerson("people/joe_biden/biden.jpg", "Michelle");
        robot.clickOn(d.sidebarRow("Michelle"));
        long michelle = d.number("SELECT id FROM persons WHERE name = 'Michelle'");
        long barack = d.number("SELECT id FROM persons WHERE name = 'Barack Obama'");
        Fx.waitUntil("the grid on Michelle", 10, () -> window.session().filter().person().equals(PersonFilter.only(michelle))
                && window.libraryView().grid().size() == 1);

        d.contextMenuOn(d.sidebarRow("Michelle"));
        d.clickVisible("#personMerge");
        Fx.waitUntil("the merge dialog", 10, () -> ScannedDesktop.dialogWithHeader("Merge Michelle into…") != null);
        DialogPane merge = Fx.get(() -> ScannedDesktop.dialogWithHeader("Merge Michelle into…"));
        ComboBox<?> target = Fx.get(() -> (ComboBox<?>) merge.lookup(".combo-box"));
        assertThat(Fx.get(() -> target.getSelectionModel().getSelectedItem())).isNull();
        assertThat(Fx.get(() -> merge.lookupButton(javafx.scene.control.ButtonType.OK).isDisabled())).isTrue();
        robot.clickOn(target);
        d.clickVisible(".list-cell", n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().startsWith("Barack Obama"));
        robot.clickOn("OK");
        robot.clickOn("Merge");
        Fx.waitUntil("the merge to reach the catalog", 20, () -> d.count("SELECT count(*) FROM persons WHERE name = 'Michelle'") == 0);
        int barackPhotos = d.count("SELECT photo_count FROM persons WHERE id = " + barack);
        Fx.waitUntil("the grid to show Barack Obama, into whom Michelle was merged", 20,
                () -> window.session().filter().person().equals(PersonFilter.only(barack))
                        && window.libraryView().grid().size() == barackPhotos
                        && robot.lookup("#photoCount").queryLabeled().getText().contains("Barack Obama"));
        assertThat(barackPhotos).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(7)
    void renamingToATakenNameAsksToMergeAndLogsNoError() throws Exception {
        d.assignToNewPerson("people/barack_obama/obama2.jpg", "Obama");
        int barackFaces = facesOf("Barack Obama");
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(original, log), true, StandardCharsets.UTF_8));
        try {
            d.contextMenuOn(d.sidebarRow("Obama"));
            d.clickVisible("#personRename");
            robot.doubleClickOn("#renameField").eraseText(20).write("barack obama").clickOn("OK");
            Fx.waitUntil("the offer to merge", 20, () -> ScannedDesktop.dialogWithHeader(
                    "A person named \"Barack Obama\" already exists; merge the two people instead of renaming.") != null);
            robot.clickOn("Merge");
            Fx.waitUntil("the merge to reach the catalog", 20, () -> d.count("SELECT count(*) FROM persons WHERE name = 'Obama'") == 0);
        } finally {
            System.setErr(original);
        }
        assertThat(facesOf("Barack Obama")).isEqualTo(barackFaces + 1);
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("event=task_failed");
        assertThat(robot.lookup("#statusMessage").queryLabeled().getText()).doesNotContain("failed");
    }

    // ---- helpers ----

    private void openInViewer(MainWindow window, String folder, String file) {
        Path dir = ScannedDesktop.real(SharedPhotos.PHOTOS.resolve(folder));
        Fx.run(() -> window.session().filterProperty().set(PhotoFilter.ALL.withFolder(dir)));
        robot.doubleClickOn(d.caption(file));
        Fx.waitUntil("the viewer on " + file, 30, () -> shown(window).endsWith("/" + file));
    }

    private static String shown(MainWindow window) {
        return window.viewer().photo() == null ? "" : window.viewer().photo().path();
    }

    private Node firstClusterRow() {
        return robot.lookup("#clusterList .cluster-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((ListCell<?>) n).getIndex() == 0).findFirst().orElseThrow();
    }

    private String remaining() {
        return robot.lookup("#findPeopleRemaining").queryLabeled().getText();
    }

    private static List<PopupWindow> openPopups() {
        return Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(w -> (PopupWindow) w).toList();
    }

    private int facesOf(String person) {
        return d.count("SELECT count(*) FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE p.name = ?", person);
    }

    /** Copies what is written to the console into the test's buffer too. */
    private static final class Tee extends OutputStream {
        private final OutputStream a, b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
