package app.facet.app.cli.people;

import app.facet.app.cli.Cli.Run;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: the people corrections from the command line (rename, hide, delete, merge several, split, cover, review
 * the suggestions) on a real scan of the shared photos, each checked by what `facet people list` and `facet faces`
 * show afterwards, and each refusal by exit 2, one sentence and an unchanged catalog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonCorrectionsCommandTest {
    ScannedLibrary library;

    @BeforeAll
    void scan(@TempDir Path tmp) {
        library = ScannedLibrary.scan(tmp);
    }

    /** Runs first: recognition needs the Obama photos still unknown. */
    @Test
    @Order(1)
    void suggestionsAreListedConfirmedAndRejected() {
        ScannedLibrary l = library;
        String a = l.face("people/barack_obama/obama.jpg"), b = l.face("people/barack_obama/obama2.jpg");
        l.ok("faces", "assign", a, "Obama A", "--create");
        l.ok("faces", "assign", b, "Obama B", "--create");
        // two people of the same man: his other faces look as much like one as the other, so they are only suggested
        l.ok("people", "recognize");

        List<CSVRecord> csv = l.ok("people", "suggestions").csv();
        assertThat(csv).hasSizeGreaterThanOrEqualTo(2);
        assertThat(csv).allSatisfy(r -> assertThat(r.get("person")).isIn("Obama A", "Obama B"));
        assertThat(csv).extracting(r -> Double.parseDouble(r.get("similarity"))).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(l.ok("people", "suggestions", "--format", "json").out()).contains("\"face_id\" : " + csv.get(0).get("face_id"),
                "\"photo_path\" : \"" + csv.get(0).get("photo_path") + "\"");

        CSVRecord confirm = csv.get(0), reject = csv.get(1);
        assertThat(l.ok("people", "confirm", confirm.get("face_id")).out()).contains("Face " + confirm.get("face_id") + " is \"");
        CSVRecord confirmed = row(l.faces("--person", confirm.get("person")), confirm.get("face_id"));
        assertThat(confirmed.get("assigned_by")).isEqualTo("user");

        assertThat(l.ok("people", "reject", reject.get("face_id")).out()).contains("is not \"" + reject.get("person") + "\"");
        assertThat(row(l.faces(), reject.get("face_id")).get("person")).isEmpty();
        assertThat(l.ok("people", "suggestions").csv()).extracting(r -> r.get("face_id"))
                .doesNotContain(confirm.get("face_id"), reject.get("face_id"));
        l.ok("people", "recognize");
        assertThat(l.ok("people", "suggestions").csv()).as("a rejected suggestion is never made again")
                .noneMatch(r -> r.get("face_id").equals(reject.get("face_id")) && r.get("person").equals(reject.get("person")));

        String before = l.state();
        l.refused("people", "confirm", a);
        l.refused("people", "reject", reject.get("face_id"));
        l.refused("people", "confirm", "99999");
        assertThat(l.state()).isEqualTo(before);

        l.ok("people", "delete", "Obama A");
        l.ok("people", "delete", "Obama B");
    }

    @Test
    @Order(2)
    void mergeSeveralPeopleIntoOneTarget() {
        ScannedLibrary l = library;
        l.ok("faces", "assign", l.face("people/alex_lacamoire/alex-lacamoire.png"), "Alex 1", "--create");
        l.ok("faces", "assign", l.face("people/alex_lacamoire/alex2.jpg"), "Alex 2", "--create");
        l.ok("faces", "assign", l.face("people/alex_lacamoire/alex3.jpg"), "Alex 3", "--create");
        String third = l.person("Alex 3").get("person_id");

        String before = l.state();
        assertThat(l.refused("people", "merge", "alex 1", "Alex 2", "ALEX 1").err()).contains("are the same person");
        l.refused("people", "merge", "Alex 1", "Alex 2", "Nobody Here");
        l.refused("people", "merge", "Alex 1");
        assertThat(l.state()).isEqualTo(before);

        Run merged = l.ok("people", "merge", "alex 1", "Alex 2", third);
        assertThat(merged.out()).contains("Merged \"Alex 2\", \"Alex 3\" into \"Alex 1\": 3 faces in 3 photos");
        assertThat(l.people()).extracting(r -> r.get("name")).contains("Alex 1").doesNotContain("Alex 2", "Alex 3");
        assertThat(l.person("Alex 1").get("faces")).isEqualTo("3");
        assertThat(l.faces("--person", "ALEX 1")).hasSize(3);
    }

    @Test
    @Order(3)
    void splitMovesOnlyTheChosenFacesOfThePerson() {
        ScannedLibrary l = library;
        List<String> obama = List.of("obama.jpg", "obama2.jpg", "obama3.jpg", "obama4.jpg", "obama-720p.jpg").stream()
                .map(f -> l.face("people/barack_obama/" + f)).toList();
        obama.forEach(id -> l.ok("faces", "assign", id, "Barack", "--create"));
        String biden = l.face("people/joe_biden/biden.jpg");
        l.ok("faces", "assign", biden, "Joe Split", "--create");

        String before = l.state();
        assertThat(l.refused("people", "split", "barack", "--faces", obama.get(0) + "," + biden, "--to", "Young").err())
                .contains("Face " + biden + " is not a face of \"Barack\" but of \"Joe Split\"");
        l.refused("people", "split", "barack", "--faces", obama.get(0), "--to", "BARACK");
        l.refused("people", "split", "barack", "--faces", "99999", "--to", "Young");
        l.refused("people", "split", "barack", "--faces", obama.get(0), "--to", "Bad\u202eName");
        l.refused("people", "split", "nobody", "--faces", obama.get(0), "--to", "Young");
        assertThat(l.state()).isEqualTo(before);

        Run split = l.ok("people", "split", "Barack", "--faces", obama.get(3) + "," + obama.get(4), "--to", "Barack Young");
        assertThat(split.out()).contains("Split 2 faces to \"Barack Young\"", "\"Barack\" keeps 3 faces");
        assertThat(l.faces("--person", "barack young")).extracting(r -> r.get("face_id")).containsExactlyInAnyOrder(obama.get(3), obama.get(4));
        assertThat(l.faces("--person", "Barack")).extracting(r -> r.get("face_id")).containsExactlyInAnyOrderElementsOf(obama.subList(0, 3));
        assertThat(l.faces("--person", "barack young")).allSatisfy(r -> assertThat(r.get("assigned_by")).isEqualTo("user"));
    }

    @Test
    @Order(4)
    void coverIsChosenThenBackToAutomatic() {
        ScannedLibrary l = library;
        String one = l.face("people/joe_biden/biden.jpg"), two = l.face("people/joe_biden/biden2.jpg");
        l.ok("faces", "assign", one, "Joe", "--create");
        l.ok("faces", "assign", two, "Joe", "--create");
        assertThat(l.ok("people", "list").csv().get(0).toMap()).containsKey("cover_face_id");
        String automatic = l.person("Joe").get("cover_face_id");
        assertThat(automatic).isIn(one, two);
        String chosen = automatic.equals(one) ? two : one;

        String before = l.state();
        String other = l.face("people/kit_harington/kit1.jpg");
        assertThat(l.refused("people", "cover", "joe", other).err()).contains("is not a face of \"Joe\"");
        l.refused("people", "cover", "joe");
        l.refused("people", "cover", "joe", chosen, "--auto");
        l.refused("people", "cover", "nobody", chosen);
        assertThat(l.state()).isEqualTo(before);

        assertThat(l.ok("people", "cover", "JOE", chosen).out()).contains("Face " + chosen + " is the cover of \"Joe\"");
        assertThat(l.person("Joe").get("cover_face_id")).isEqualTo(chosen);
        assertThat(l.ok("people", "cover", "joe", "--auto").out()).contains("back to the best face (face " + automatic + ")");
        assertThat(l.person("Joe").get("cover_face_id")).isEqualTo(automatic);
    }

    @Test
    @Order(5)
    void renameHideAndDelete() {
        ScannedLibrary l = library;
        l.ok("faces", "assign", l.face("people/rose_leslie/rose1.jpg"), "Rose", "--create");
        l.ok("faces", "assign", l.face("people/rose_leslie/rose2.jpg"), "Rose", "--create");
        String lin = l.face("people/lin_manuel_miranda/lin-manuel-miranda.png");
        l.ok("faces", "assign", lin, "Lin", "--create");
        String roseId = l.person("Rose").get("person_id");

        String before = l.state();
        assertThat(l.refused("people", "rename", "rose", "LIN").err()).contains("A person named \"Lin\" already exists");
        assertThat(l.refused("people", "rename", "rose", "Bad\u202eName").err()).contains("refused", "U+202E");
        l.refused("people", "rename", "nobody", "Someone");
        l.refused("people", "hide", "99999");
        l.refused("people", "delete", "nobody");
        assertThat(l.state()).isEqualTo(before);

        assertThat(l.ok("people", "rename", roseId, "Rose", "Leslie").out()).contains("Renamed \"Rose\" to \"Rose Leslie\"");
        assertThat(l.person("Rose Leslie").get("person_id")).isEqualTo(roseId);
        assertThat(l.faces("--person", "rose leslie")).hasSize(2).allSatisfy(r -> assertThat(r.get("person")).isEqualTo("Rose Leslie"));

        l.ok("people", "hide", "rose leslie");
        assertThat(l.ok("people", "list").csv()).extracting(r -> r.get("name")).doesNotContain("Rose Leslie");
        assertThat(l.person("Rose Leslie").get("hidden")).isEqualTo("true");
        l.ok("people", "hide", "ROSE LESLIE", "--show");
        assertThat(l.ok("people", "list").csv()).extracting(r -> r.get("name")).contains("Rose Leslie");

        assertThat(l.ok("people", "delete", "lin").out()).contains("Deleted \"Lin\": its face is unknown again.");
        assertThat(l.people()).extracting(r -> r.get("name")).doesNotContain("Lin");
        assertThat(row(l.faces(), lin).get("person")).isEmpty();
        l.refused("faces", "--person", "Lin");
    }

    private static CSVRecord row(List<CSVRecord> faces, String faceId) {
        return faces.stream().filter(r -> r.get("face_id").equals(faceId)).findFirst()
                .orElseThrow(() -> new AssertionError("no face " + faceId));
    }
}
