package app.facet.app.desktop;

import app.facet.core.browse.PersonFilter;
import app.facet.core.people.PersonFaces;
import app.facet.ui.gallery.PersonGalleryWindow;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 11's person face gallery, people multi-selection and cover choice on the real app over one real scan of the
 * shared photos (headless): the gallery's least-alike-first order against the similarity computed here from the
 * catalog's embeddings, splitting two faces off into a new person from the gallery, setting the cover from the
 * gallery, and merging three people selected together into the one the user picks. Every result is read back from
 * the catalog file with plain JDBC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonGalleryDesktopTest {
    @TempDir
    static Path tmp;
    ScannedDesktop d;
    List<Long> obama;
    List<Long> alex;

    @BeforeAll
    void startScanAndNamePeople() throws Exception {
        d = ScannedDesktop.startAndScan(tmp);
        // one face of Joe Biden is wrongly put on Barack Obama: the gallery must show it first
        obama = d.name("Barack Obama", "people/barack_obama/obama.jpg", "people/barack_obama/obama2.jpg", "people/barack_obama/obama3.jpg",
                "people/barack_obama/obama4.jpg", "people/barack_obama/obama-720p.jpg", "people/joe_biden/biden.jpg");
        alex = d.name("Alex", "people/alex_lacamoire/alex-lacamoire.png", "people/alex_lacamoire/alex2.jpg",
                "people/alex_lacamoire/alex3.jpg", "people/rose_leslie/rose1.jpg", "people/rose_leslie/rose2.jpg");
        d.name("Kit", "people/kit_harington/kit1.jpg");
        d.name("Lin", "people/lin_manuel_miranda/lin-manuel-miranda.png");
        d.name("Joe", "people/joe_biden/biden2.jpg");
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
    void theGalleryShowsTheLeastAlikeFaceFirstWithTheCosineSimilarityToThePersonsMean() throws Exception {
        PersonGalleryWindow gallery = openGallery("Barack Obama", 6);
        long person = d.number("SELECT id FROM persons WHERE name = 'Barack Obama'");

        // the similarity of each face to the mean of the person's normalised embeddings, computed here from the catalog
        Map<Long, Double> expected = similarityToMean(obama);
        List<Long> shown = tileIds(gallery);
        List<Long> leastAlikeFirst = expected.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        assertThat(shown).containsExactlyElementsOf(leastAlikeFirst);
        assertThat(shown.get(0)).as("the face of Joe Biden put on Barack Obama by mistake").isEqualTo(obama.get(5));
        List<String> captions = Fx.get(() -> gallery.stage().getScene().getRoot().lookupAll(".gallery-caption").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(captions).containsExactlyElementsOf(leastAlikeFirst.stream()
                .map(id -> String.format(Locale.ROOT, "similarity %.2f", expected.get(id))).toList());
        List<PersonFaces.PersonFace> core = d.app.window().session().library().peopleService().gallery(person, PersonFaces.Order.SIMILARITY);
        for (PersonFaces.PersonFace f : core) {
            assertThat(f.similarity()).as("face " + f.face().id()).isCloseTo(expected.get(f.face().id()), within(1e-5));
        }

        d.robot.clickOn("#gallerySort").clickOn("Best quality first");
        List<Long> best = d.app.window().session().library().peopleService().gallery(person, PersonFaces.Order.QUALITY)
                .stream().map(f -> f.face().id()).toList();
        Fx.waitUntil("the gallery sorted best first", 10, () -> tileIds(gallery).equals(best), () -> tileIds(gallery).toString());
        d.robot.clickOn("#gallerySort").clickOn("Least alike first");
        Fx.waitUntil("the gallery least alike first again", 10, () -> tileIds(gallery).equals(shown));

        // the keyboard: Ctrl+A, Esc, arrows and Shift+arrows
        d.robot.clickOn(tile(gallery, shown.get(0)));
        d.robot.push(KeyCode.CONTROL, KeyCode.A);
        Fx.waitUntil("Ctrl+A to select every face", 10, () -> gallery.model().selectedIds().size() == 6);
        d.robot.push(KeyCode.ESCAPE);
        Fx.waitUntil("Esc to clear the selection", 10, () -> gallery.model().selectedIds().isEmpty());
        d.robot.push(KeyCode.RIGHT).push(KeyCode.SHIFT, KeyCode.RIGHT);
        Fx.waitUntil("Right, then Shift+Right, to select the second and third faces", 10,
                () -> List.copyOf(gallery.model().selectedIds()).equals(shown.subList(1, 3)),
                () -> gallery.model().selectedIds().toString());
        d.robot.push(KeyCode.ESCAPE);
    }

    @Test
    @Order(2)
    void twoFacesSelectedInTheGalleryMoveToANewPersonX() {
        PersonGalleryWindow gallery = openGallery("Alex", 5);
        long rose1 = alex.get(3), rose2 = alex.get(4);
        d.robot.clickOn(tile(gallery, rose1));
        d.robot.press(KeyCode.CONTROL).clickOn(tile(gallery, rose2)).release(KeyCode.CONTROL);
        assertThat(Fx.get(() -> List.copyOf(gallery.model().selectedIds()))).containsExactlyInAnyOrder(rose1, rose2);
        assertThat(d.robot.lookup("#gallerySummary").queryLabeled().getText()).isEqualTo("5 faces · 2 selected");

        d.robot.clickOn("#galleryMove");
        Fx.waitUntil("the move dialog", 10, () -> ScannedDesktop.dialogWithHeader("Move 2 faces of Alex to…") != null);
        DialogPane dialog = Fx.get(() -> ScannedDesktop.dialogWithHeader("Move 2 faces of Alex to…"));
        Fx.waitUntil("the name field focused", 10, () -> dialog.lookup("#moveFacesName").isFocused());
        d.robot.clickOn(Fx.get(() -> dialog.lookup("#moveFacesName"))).write("X");
        assertThat(Fx.get(() -> ((javafx.scene.control.TextField) dialog.lookup("#moveFacesName")).getText())).isEqualTo("X");
        d.robot.clickOn(Fx.get(() -> dialog.lookupButton(dialog.getButtonTypes().stream()
                .filter(b -> b.getText().equals("Move")).findFirst().orElseThrow())));
        Fx.waitUntil("the move dialog to close", 10, () -> dialog.getScene() == null || !dialog.getScene().getWindow().isShowing());

        Fx.waitUntil("X in the catalog with the two faces", 20,
                () -> Long.valueOf(2).equals(d.numberOrNull("SELECT face_count FROM persons WHERE name = 'X'")));
        long x = d.number("SELECT id FROM persons WHERE name = 'X'");
        assertThat(d.number("SELECT count(*) FROM face_crops WHERE person_id = ? AND id IN (?, ?) AND assigned_by = 'user'", x, rose1, rose2))
                .isEqualTo(2);
        assertThat(d.number("SELECT face_count FROM persons WHERE name = 'Alex'")).isEqualTo(3);
        Fx.waitUntil("the sidebar to show X with 2 faces and Alex with 3", 20,
                () -> "2 photos · 2 faces".equals(countOf("X")) && "3 photos · 3 faces".equals(countOf("Alex")),
                () -> countOf("X") + " / " + countOf("Alex"));
        Fx.waitUntil("the gallery to show Alex's 3 faces", 20, () -> tileIds(gallery).size() == 3);
    }

    @Test
    @Order(3)
    void setAsCoverInTheGalleryChangesTheCoverAndTheSidebarAvatar() {
        PersonGalleryWindow gallery = openGallery("Alex", 3);
        long person = d.number("SELECT id FROM persons WHERE name = 'Alex'");
        long before = d.app.window().session().library().peopleService().coverFace(person).getAsLong();
        long chosen = tileIds(gallery).stream().filter(id -> id != before).findFirst().orElseThrow();
        Fx.waitUntil("the sidebar avatar to show the cover before", 20, () -> avatarPath("Alex").equals(Path.of(cropOf(before))),
                () -> avatarPath("Alex").toString());
        d.robot.clickOn(tile(gallery, chosen));
        d.robot.clickOn("#galleryCover");

        Fx.waitUntil("the chosen cover in the catalog", 20,
                () -> Long.valueOf(chosen).equals(d.numberOrNull("SELECT cover_face_id FROM persons WHERE id = ?", person)));
        String crop = cropOf(chosen);
        Fx.waitUntil("the sidebar avatar to show the chosen face", 20, () -> avatarPath("Alex").equals(Path.of(crop)),
                () -> avatarPath("Alex") + " instead of " + crop + " (face " + chosen + ", cover before: face " + before + ")");
        Fx.waitUntil("the star on the chosen face in the gallery", 10,
                () -> tile(gallery, chosen).lookup(".gallery-cover-badge").isVisible()
                        && !tile(gallery, before).lookup(".gallery-cover-badge").isVisible());
    }

    @Test
    @Order(4)
    void threePeopleSelectedTogetherMergeIntoTheOneTheUserChooses() {
        d.robot.clickOn(d.sidebarRow("Kit"));
        long kit = d.number("SELECT id FROM persons WHERE name = 'Kit'");
        long lin = d.number("SELECT id FROM persons WHERE name = 'Lin'");
        Fx.waitUntil("the grid on Kit", 10, () -> d.app.window().session().filter().person().equals(PersonFilter.only(kit)));
        d.robot.press(KeyCode.CONTROL).clickOn(d.sidebarRow("Lin")).clickOn(d.sidebarRow("Joe")).release(KeyCode.CONTROL);
        assertThat(Fx.get(() -> d.app.window().sidebar().selectedPeople().stream().map(p -> p.person().name()).toList()))
                .containsExactlyInAnyOrder("Kit", "Lin", "Joe");

        d.contextMenuOn(d.sidebarRow("Joe"));
        d.clickVisible("#peopleMergeSelected");
        Fx.waitUntil("the merge dialog", 10, () -> ScannedDesktop.dialogWithHeader("Merge 3 people into one") != null);
        DialogPane dialog = Fx.get(() -> ScannedDesktop.dialogWithHeader("Merge 3 people into one"));
        List<RadioButton> options = Fx.get(() -> dialog.lookupAll(".radio-button").stream().map(n -> (RadioButton) n).toList());
        assertThat(options).extracting(RadioButton::getText)
                .containsExactly("Joe  (1 face, 1 photo)", "Kit  (1 face, 1 photo)", "Lin  (1 face, 1 photo)");
        assertThat(options).noneMatch(RadioButton::isSelected);
        Node merge = Fx.get(() -> dialog.lookupButton(dialog.getButtonTypes().stream()
                .filter(b -> b.getText().equals("Merge")).findFirst().orElseThrow()));
        assertThat(merge.isDisabled()).as("no silent default target").isTrue();
        d.robot.clickOn(options.get(2));
        d.robot.clickOn(merge);

        Fx.waitUntil("Kit and Joe merged into Lin in the catalog", 20,
                () -> d.number("SELECT count(*) FROM persons WHERE name IN ('Kit', 'Joe')") == 0);
        assertThat(d.number("SELECT face_count FROM persons WHERE id = ?", lin)).isEqualTo(3);
        Fx.waitUntil("the sidebar to show Lin with 3 faces, the grid to follow Kit to Lin", 20,
                () -> "3 photos · 3 faces".equals(countOf("Lin"))
                        && d.app.window().session().filter().person().equals(PersonFilter.only(lin)),
                () -> countOf("Lin") + " / " + d.app.window().session().filter().person());

        d.robot.push(KeyCode.CONTROL, KeyCode.Z);
        Fx.waitUntil("undo to bring Kit and Joe back", 20,
                () -> d.number("SELECT count(*) FROM persons WHERE name IN ('Kit', 'Joe')") == 2
                        && d.number("SELECT face_count FROM persons WHERE id = ?", lin) == 1);
    }

    @Test
    @Order(5)
    void setAsCoverOnAFaceBoxInTheViewerChangesTheCover() {
        var window = d.app.window();
        long person = d.number("SELECT id FROM persons WHERE name = 'Barack Obama'");
        long before = window.session().library().peopleService().coverFace(person).getAsLong();
        Fx.run(() -> window.session().showPerson(PersonFilter.only(person)));
        Fx.waitUntil("the grid on Barack Obama", 20, () -> window.libraryView().grid().size() == obama.size());
        // a photo whose face on Barack Obama is not the cover yet
        int index = -1;
        long face = -1;
        for (int i = 0; i < obama.size() && index < 0; i++) {
            int at = i;
            Fx.run(() -> window.viewer().open(window.libraryView().grid().photos(), at));
            Fx.waitUntil("the viewer to show a photo", 20, () -> window.viewer().photo() != null
                    && window.viewer().photo().id() == window.libraryView().grid().photos().idAt(at));
            long photo = Fx.get(() -> window.viewer().photo().id());
            long onPhoto = d.number("SELECT id FROM face_crops WHERE photo_id = ? AND person_id = ?", photo, person);
            if (onPhoto != before) {
                index = i;
                face = onPhoto;
            }
        }
        long chosen = face;
        Fx.waitUntil("a box of Barack Obama", 20, () -> window.viewer().boxLabels().contains("Barack Obama"));
        Node box = d.robot.lookup(".face-box-person").queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow();
        d.robot.clickOn(box);
        d.clickVisible("#faceSetCover");
        Fx.waitUntil("the face chosen in the viewer as the cover", 20,
                () -> Long.valueOf(chosen).equals(d.numberOrNull("SELECT cover_face_id FROM persons WHERE id = ?", person)));
        Fx.waitUntil("the sidebar avatar to show it", 20, () -> avatarPath("Barack Obama").equals(Path.of(cropOf(chosen))),
                () -> avatarPath("Barack Obama").toString());
        d.robot.push(KeyCode.ESCAPE);
    }

    // ---- helpers ----

    /** Opens the person's gallery from the sidebar's context menu ("Show Faces"; a double-click does the same). */
    private PersonGalleryWindow openGallery(String person, int faces) {
        d.contextMenuOn(d.sidebarRow(person));
        d.clickVisible("#personFaces");
        PersonGalleryWindow gallery = Fx.get(() -> d.app.window().gallery()); // built on first use, on the FX thread
        Fx.waitUntil("the gallery of " + person + " with " + faces + " faces", 20,
                () -> gallery.stage().isShowing() && person.equals(gallery.model().personNameProperty().get())
                        && tileIds(gallery).size() == faces, () -> "showing=" + gallery.stage().isShowing() + " person="
                        + gallery.model().personNameProperty().get() + " model faces=" + gallery.model().faces().size()
                        + " tiles=" + tileIds(gallery));
        return gallery;
    }

    private static List<Long> tileIds(PersonGalleryWindow gallery) {
        return Fx.get(() -> gallery.stage().getScene().getRoot().lookupAll(".gallery-tile").stream()
                .map(n -> Long.parseLong(n.getId().substring("galleryFace-".length()))).toList());
    }

    private static Node tile(PersonGalleryWindow gallery, long faceId) {
        return Fx.get(() -> gallery.stage().getScene().lookup("#galleryFace-" + faceId));
    }

    /** The count line under a person's name in the sidebar, e.g. "3 photos · 3 faces"; null when not shown. */
    private String countOf(String name) {
        Node cell = d.sidebarCell(name);
        return cell == null ? null : ((Label) cell.lookup(".sidebar-count")).getText();
    }

    /** The image file the person's sidebar avatar is painted with; an empty path while it shows initials. */
    private Path avatarPath(String name) {
        Node cell = d.sidebarCell(name);
        Circle circle = cell == null ? null : (Circle) cell.lookup(".avatar-circle");
        return circle != null && circle.getFill() instanceof ImagePattern p ? Path.of(java.net.URI.create(p.getImage().getUrl())) : Path.of("");
    }

    private String cropOf(long faceId) {
        try (Connection c = d.connect(); PreparedStatement ps = c.prepareStatement("SELECT crop_path FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return d.library.resolve(rs.getString(1)).toString(); // stored relative to the library folder
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Cosine similarity of each face to the L2-normalised mean of the faces' L2-normalised embeddings (float32 LE blobs). */
    private Map<Long, Double> similarityToMean(List<Long> faces) throws Exception {
        Map<Long, float[]> vectors = new HashMap<>();
        try (Connection c = d.connect(); PreparedStatement ps = c.prepareStatement("SELECT embedding FROM face_crops WHERE id = ?")) {
            for (long id : faces) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    ByteBuffer b = ByteBuffer.wrap(rs.getBytes(1)).order(ByteOrder.LITTLE_ENDIAN);
                    float[] v = new float[b.remaining() / 4];
                    b.asFloatBuffer().get(v);
                    vectors.put(id, v);
                }
            }
        }
        int n = vectors.values().iterator().next().length;
        double[] mean = new double[n];
        for (float[] v : vectors.values()) {
            double norm = Math.sqrt(dot(v, v));
            for (int i = 0; i < n; i++) {
                mean[i] += v[i] / norm;
            }
        }
        Map<Long, Double> out = new HashMap<>();
        double meanNorm = Math.sqrt(java.util.Arrays.stream(mean).map(x -> x * x).sum());
        for (var e : vectors.entrySet()) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += e.getValue()[i] * mean[i];
            }
            out.put(e.getKey(), s / (meanNorm * Math.sqrt(dot(e.getValue(), e.getValue()))));
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
