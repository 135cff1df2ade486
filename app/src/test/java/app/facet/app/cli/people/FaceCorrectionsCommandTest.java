package app.facet.app.cli.people;

import app.facet.app.cli.Cli;
import app.facet.app.cli.Cli.Run;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: the face corrections from the command line (add a drawn box, remove, clear a photo, assign, unassign, not
 * a face, list one person's faces) on a real scan of the shared photos, each checked by what `facet faces`,
 * `facet photos` and `facet people list` show afterwards, and each refusal by exit 2, one sentence and an unchanged
 * catalog. Each test works on photos no other test here touches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaceCorrectionsCommandTest {
    ScannedLibrary library;

    @BeforeAll
    void scan(@TempDir Path tmp) {
        library = ScannedLibrary.scan(tmp);
    }

    @Test
    void addADrawnBoxComputesItsCropEmbeddingAndQualityAndPrintsItsId() {
        ScannedLibrary l = library;
        String photo = ScannedLibrary.photos().resolve("groups/obama_and_biden.jpg").toString();
        int before = l.facesOn("groups/obama_and_biden.jpg").size();
        String models = Cli.shared().resolve("models").toString();

        String state = l.state();
        assertThat(l.refused("faces", "add", photo, "--box", "99999,10,150,200", "--models", models).err()).contains("outside");
        l.refused("faces", "add", photo, "--box", "10,10,150", "--models", models);
        l.refused("faces", "add", photo, "--box", "10,10,0,150", "--models", models);
        l.refused("faces", "add", photo, "--box", "10,10,150,200", "--person", "Bad\u202eName", "--models", models);
        l.refused("faces", "add", photo, "--box", "10,10,150,200", "--person", "99999", "--models", models);
        assertThat(l.refused("faces", "add", Cli.shared().resolve("photos/labels.csv").toString(), "--box", "1,1,50,50").err())
                .contains("is not a photo of this library");
        assertThat(l.state()).isEqualTo(state);

        // no --embedding-model: the photo's faces say which model to embed with
        Run added = l.ok("faces", "add", photo, "--box", "1800,300,150,200", "--person", "Drawn Person", "--models", models);
        assertThat(added.out()).matches("\\d+\\R");
        assertThat(added.err()).isEmpty();
        String id = added.out().strip();
        assertThat(l.facesOn("groups/obama_and_biden.jpg")).hasSize(before + 1).contains(id);
        List<CSVRecord> drawn = l.faces("--person", "drawn person");
        assertThat(drawn).singleElement().satisfies(r -> {
            assertThat(r.get("face_id")).isEqualTo(id);
            assertThat(r.get("x") + "," + r.get("y") + "," + r.get("w") + "," + r.get("h")).isEqualTo("1800.0,300.0,150.0,200.0");
            assertThat(r.get("assigned_by")).isEqualTo("user");
            assertThat(r.get("status")).isEqualTo("valid");
            assertThat(r.get("embedding_model")).isEqualTo("mobilefacenet");
            assertThat(Double.parseDouble(r.get("quality"))).isBetween(0.0, 1.0);
            assertThat(Path.of(r.get("crop_path"))).isRegularFile();
        });
        assertThat(l.person("Drawn Person").get("faces")).isEqualTo("1");

        // by photo id, to an existing person, named in another case
        String photoId = l.ok("photos").csv().stream().filter(r -> r.get("path").equals(photo)).findFirst().orElseThrow().get("photo_id");
        String second = l.ok("faces", "add", photoId, "--box", "100,100,120,160", "--person", "DRAWN PERSON", "--models", models,
                "--embedding-model", "mobilefacenet").out().strip();
        assertThat(l.faces("--person", "Drawn Person")).extracting(r -> r.get("face_id")).containsExactlyInAnyOrder(id, second);
    }

    @Test
    void removeDeletesTheFaceAndItsCrop() {
        ScannedLibrary l = library;
        String id = l.face("people/alex_lacamoire/alex2.jpg");
        Path crop = Path.of(l.faces().stream().filter(r -> r.get("face_id").equals(id)).findFirst().orElseThrow().get("crop_path"));
        assertThat(crop).isRegularFile();

        String state = l.state();
        assertThat(l.refused("faces", "remove", "99999").err()).isEqualTo("facet: There is no face with id 99999 (see `facet faces`).\n");
        l.refused("faces", "remove", "not-a-number");
        assertThat(l.state()).isEqualTo(state);

        assertThat(l.ok("faces", "remove", id).out()).contains("Removed face " + id);
        assertThat(l.facesOn("people/alex_lacamoire/alex2.jpg")).isEmpty();
        assertThat(crop).doesNotExist();
        assertThat(photoState(l, "people/alex_lacamoire/alex2.jpg")).isEqualTo("no_faces");
    }

    @Test
    void clearMakesAPhotoFaceFreeAndARescanRemembersIt() {
        ScannedLibrary l = library;
        assertThat(l.facesOn("groups/kit_with_rose.jpg")).hasSize(2);
        String photo = ScannedLibrary.photos().resolve("groups/kit_with_rose.jpg").toString();

        String state = l.state();
        l.refused("faces", "clear", Cli.shared().resolve("photos/labels.csv").toString());
        l.refused("faces", "clear", "99999");
        assertThat(l.state()).isEqualTo(state);

        assertThat(l.ok("faces", "clear", photo).out()).contains("has no faces now (2 removed)");
        assertThat(l.facesOn("groups/kit_with_rose.jpg")).isEmpty();
        assertThat(photoState(l, "groups/kit_with_rose.jpg")).isEqualTo("no_faces");

        Run rescan = l.ok("scan", ScannedLibrary.photos().toString(), "--models", Cli.shared().resolve("models").toString(),
                "--embedding-model", "mobilefacenet", "--threads", "2");
        assertThat(rescan.out()).contains("analysed          0");
        assertThat(l.facesOn("groups/kit_with_rose.jpg")).as("the user's \"no faces\" survives a rescan").isEmpty();
        assertThat(photoState(l, "groups/kit_with_rose.jpg")).isEqualTo("no_faces");
    }

    @Test
    void assignUnassignAndNotAFaceAsSeenInTheFacesList() {
        ScannedLibrary l = library;
        String kit = l.face("people/kit_harington/kit1.jpg");
        String lin = l.face("people/lin_manuel_miranda/lin-manuel-miranda.png");

        String state = l.state();
        assertThat(l.refused("faces", "assign", kit, "Kit").err()).contains("No person is named or numbered \"Kit\"");
        l.refused("faces", "assign", "99999", "Kit", "--create");
        l.refused("faces", "assign", kit, "Bad\u202eName", "--create");
        assertThat(l.refused("faces", "unassign", kit).err()).contains("is not assigned to anyone");
        l.refused("faces", "not-a-face", "99999");
        l.refused("faces", "--person", "Kit");
        assertThat(state).isEqualTo(l.state());

        assertThat(l.ok("faces", "assign", kit, "Kit", "--create").out()).contains("Assigned face " + kit + " to \"Kit\"");
        String kitId = l.person("Kit").get("person_id");
        assertThat(l.ok("faces", "assign", lin, kitId).out()).contains("to \"Kit\"");
        assertThat(l.faces("--person", "KIT")).extracting(r -> r.get("face_id")).containsExactlyInAnyOrder(kit, lin);
        assertThat(l.faces("--person", kitId)).allSatisfy(r -> assertThat(r.get("assigned_by")).isEqualTo("user"));

        assertThat(l.ok("faces", "unassign", lin).out()).contains("Took face " + lin + " off \"Kit\"");
        assertThat(l.faces("--person", "kit")).extracting(r -> r.get("face_id")).containsExactly(kit);

        assertThat(l.ok("faces", "not-a-face", kit).out()).contains("Face " + kit + " is not a face");
        CSVRecord marked = l.faces().stream().filter(r -> r.get("face_id").equals(kit)).findFirst().orElseThrow();
        assertThat(marked.get("not_a_face")).isEqualTo("true");
        assertThat(marked.get("person")).isEmpty();
        assertThat(l.person("Kit").get("faces")).isEqualTo("0");
    }

    private static String photoState(ScannedLibrary l, String photo) {
        String path = ScannedLibrary.photos().resolve(photo).toString();
        return l.ok("photos").csv().stream().filter(r -> r.get("path").equals(path)).findFirst().orElseThrow().get("scan_state");
    }
}
