package app.facet.core.people;

import app.facet.model.Face;
import app.facet.model.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The user's corrections on a real SQLite catalog, and that undo restores every row exactly. */
class PeopleServiceTest {
    @TempDir
    Path dir;
    PeopleFixture fx;
    PeopleService people;
    final Random random = new Random(11);

    @BeforeEach
    void setUp() throws Exception {
        fx = PeopleFixture.create(dir);
        people = new PeopleService(fx.catalog);
    }

    private long person(String name, List<Long> faces) {
        long id = people.split(faces, name).personId();
        return id;
    }

    private List<Long> faces(int n) throws Exception {
        float[] base = PeopleFixture.randomUnit(random);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(fx.face(PeopleFixture.atSimilarity(base, 0.85, random)));
        }
        return ids;
    }

    @Test
    void mergeThenUndoRestoresBothPeopleExactly() throws Exception {
        List<Long> annaFaces = faces(4);
        List<Long> bobFaces = faces(3);
        long unknown = fx.face(PeopleFixture.randomUnit(random));
        long anna = person("Anna", annaFaces);
        long bob = person("Bob", bobFaces);
        // give both people every kind of state merge must move and undo must bring back
        fx.exec("UPDATE face_crops SET assigned_by = 'auto' WHERE id = " + annaFaces.get(3));
        people.hidePerson(bob, true);
        people.setCoverFace(bob, bobFaces.get(1));
        people.notThisPerson(unknown, bob);
        long suggestedForBob = fx.face(PeopleFixture.randomUnit(random));
        fx.exec("UPDATE face_crops SET suggested_person_id = " + bob + ", suggestion_similarity = 0.47 WHERE id = " + suggestedForBob);
        Map<String, List<Map<String, Object>>> before = fx.peopleTables();

        UndoableAction merge = people.merge(anna, List.of(bob));

        assertThat(merge.personId()).isEqualTo(anna);
        assertThat(people.person(bob)).isEmpty();
        Person merged = people.person(anna).orElseThrow();
        assertThat(merged.faceCount()).isEqualTo(7);
        assertThat(merged.hidden()).isFalse();
        assertThat(merged.coverFaceId()).as("target had no cover: takes the source's").isEqualTo(bobFaces.get(1));
        assertThat(fx.column(annaFaces.get(3), "assigned_by")).as("a face keeps who assigned it").isEqualTo("auto");
        assertThat(fx.column(bobFaces.get(0), "assigned_by")).isEqualTo("user");
        assertThat(fx.column(suggestedForBob, "suggested_person_id")).isEqualTo((int) anna);
        assertThat(fx.rows("face_person_rejections")).extracting(r -> r.get("person_id")).containsExactly((int) anna);

        assertThat(people.undo()).contains(merge);

        assertThat(fx.peopleTables()).isEqualTo(before);
    }

    @Test
    void everyActionIsUndoneInReverseOrderBackToTheStart() throws Exception {
        List<Long> f = faces(5);
        Map<String, List<Map<String, Object>>> start = fx.peopleTables();
        long carl = person("Carl", f.subList(0, 3));
        people.assignFaceToNewPerson(f.get(3), "Dora");
        people.rename(carl, "Karl");
        people.notAFace(f.get(4));
        people.unassignFace(f.get(0));
        people.deletePerson(carl);
        assertThat(people.history().actions()).hasSize(6);
        while (people.history().canUndo()) {
            people.undo();
        }
        assertThat(fx.peopleTables()).isEqualTo(start);
        assertThat(people.undo()).isEmpty();
    }

    @Test
    void splitMovesTheChosenFacesToANewPersonAsTheUsersChoice() throws Exception {
        List<Long> f = faces(4);
        long eve = person("Eve", f);
        people.setCoverFace(eve, f.get(3));
        fx.exec("UPDATE face_crops SET assigned_by = 'auto' WHERE id IN (" + f.get(2) + "," + f.get(3) + ")");
        Map<String, List<Map<String, Object>>> before = fx.peopleTables();

        UndoableAction split = people.split(List.of(f.get(2), f.get(3)), "Eva");

        Person eva = people.person(split.personId()).orElseThrow();
        assertThat(eva.name()).isEqualTo("Eva");
        assertThat(eva.faceCount()).isEqualTo(2);
        assertThat(people.person(eve).orElseThrow().faceCount()).isEqualTo(2);
        assertThat(people.person(eve).orElseThrow().coverFaceId()).as("the cover moved away with its face").isNull();
        assertThat(people.facesOf(eva.id())).extracting(Face::id).containsExactlyInAnyOrder(f.get(2), f.get(3));
        assertThat(people.facesOf(eva.id())).allSatisfy(face -> assertThat(face.assignedBy().sql()).isEqualTo("user"));

        people.undo();
        assertThat(fx.peopleTables()).isEqualTo(before);
    }

    @Test
    void splittingToAnExistingNameAddsToThatPerson() throws Exception {
        List<Long> f = faces(3);
        long frank = person("Frank", f.subList(0, 1));
        UndoableAction moved = people.split(f.subList(1, 3), "  frank ");
        assertThat(moved.personId()).isEqualTo(frank);
        assertThat(people.listPeople(true)).extracting(Person::name).containsExactly("Frank");
        assertThat(people.person(frank).orElseThrow().faceCount()).isEqualTo(3);
    }

    @Test
    void hiddenPeopleLeaveTheListButKeepTheirFaces() throws Exception {
        long gus = person("Gus", faces(2));
        long hal = person("Hal", faces(1));
        people.hidePerson(gus, true);
        assertThat(people.listPeople(false)).extracting(Person::name).containsExactly("Hal");
        assertThat(people.listPeople(true)).extracting(Person::name).containsExactly("Gus", "Hal");
        assertThat(people.person(gus).orElseThrow().faceCount()).isEqualTo(2);
        people.undo();
        assertThat(people.listPeople(false)).extracting(Person::id).containsExactly(gus, hal);
    }

    @Test
    void renamingToAnotherPersonsNameIsRefusedWithThatPerson() throws Exception {
        long ivy = person("Ivy", faces(1));
        long jay = person("Jay", faces(1));
        assertThatThrownBy(() -> people.rename(jay, "IVY"))
                .isInstanceOf(NameTakenException.class)
                .hasMessageContaining("already exists")
                .extracting(e -> ((NameTakenException) e).existingPersonId()).isEqualTo(ivy);
        people.rename(ivy, "ivy");
        assertThat(people.person(ivy).orElseThrow().name()).isEqualTo("ivy");
        assertThatThrownBy(() -> people.rename(jay, "   ")).isInstanceOf(PeopleException.class).hasMessageContaining("empty");
    }

    @Test
    void notAFaceLeavesItsPersonAndTheCounts() throws Exception {
        List<Long> f = faces(3);
        long kim = person("Kim", f);
        people.setCoverFace(kim, f.get(0));
        people.notAFace(f.get(0));
        Person after = people.person(kim).orElseThrow();
        assertThat(after.faceCount()).isEqualTo(2);
        assertThat(after.coverFaceId()).isNull();
        assertThat(fx.face(f.get(0))).containsEntry("not_a_face", 1).containsEntry("assigned_by", "none");
        assertThat(people.facesOf(kim)).extracting(Face::id).doesNotContain(f.get(0));
    }

    @Test
    void theCoverIsTheUsersChoiceElseTheBestQualityFace() throws Exception {
        float[] base = PeopleFixture.randomUnit(random);
        long poor = fx.face(PeopleFixture.atSimilarity(base, 0.8, random), 0.3, 50, 0.9);
        long best = fx.face(PeopleFixture.atSimilarity(base, 0.8, random), 0.9, 200, 0.99);
        long lea = person("Lea", List.of(poor, best));
        assertThat(people.coverFace(lea)).hasValue(best);
        people.setCoverFace(lea, poor);
        assertThat(people.coverFace(lea)).hasValue(poor);
        long other = fx.face(PeopleFixture.randomUnit(random));
        assertThatThrownBy(() -> people.setCoverFace(lea, other)).isInstanceOf(PeopleException.class)
                .hasMessageContaining("not a face of \"Lea\"");
    }

    @Test
    void unknownIdsGiveAClearErrorAndChangeNothing() throws Exception {
        long max = person("Max", faces(1));
        Map<String, List<Map<String, Object>>> before = fx.peopleTables();
        assertThatThrownBy(() -> people.merge(max, List.of(999L))).isInstanceOf(PeopleException.class)
                .hasMessage("There is no person with id 999.");
        assertThatThrownBy(() -> people.assignFace(12345, max)).isInstanceOf(PeopleException.class)
                .hasMessage("There is no face with id 12345.");
        assertThatThrownBy(() -> people.merge(max, List.of(max))).isInstanceOf(PeopleException.class);
        assertThat(fx.peopleTables()).isEqualTo(before);
        assertThat(people.history().actions()).hasSize(1);
    }

    @Test
    void assigningAFaceClearsARefusalOfThatPersonAndANotAFaceMark() throws Exception {
        List<Long> f = faces(2);
        long ned = person("Ned", f.subList(0, 1));
        people.notThisPerson(f.get(1), ned);
        people.notAFace(f.get(1));
        people.assignFace(f.get(1), ned);
        assertThat(fx.face(f.get(1))).containsEntry("person_id", (int) ned).containsEntry("assigned_by", "user")
                .containsEntry("not_a_face", 0);
        assertThat(fx.rows("face_person_rejections")).isEmpty();
        assertThat(people.person(ned).orElseThrow().faceCount()).isEqualTo(2);
    }
}
