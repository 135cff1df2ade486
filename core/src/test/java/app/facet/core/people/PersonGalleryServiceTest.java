package app.facet.core.people;

import app.facet.model.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's face gallery (similarity to the mean embedding) and the gallery's and sidebar's batch actions, on a real catalog. */
class PersonGalleryServiceTest {
    @TempDir
    Path dir;
    PeopleFixture fx;
    PeopleService people;
    final Random random = new Random(23);

    @BeforeEach
    void setUp() throws Exception {
        fx = PeopleFixture.create(dir);
        people = new PeopleService(fx.catalog);
    }

    @Test
    void theGalleryPutsTheLeastAlikeFaceFirstWithItsCosineSimilarityToTheMean() throws Exception {
        float[] base = PeopleFixture.randomUnit(random);
        List<Long> all = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // the last is a wrongly assigned face: unrelated to the others
            float[] v = i < 5 ? PeopleFixture.atSimilarity(base, 0.9, random) : PeopleFixture.randomUnit(random);
            vectors.add(v);
            all.add(fx.face(v));
        }
        long stranger = all.get(5);
        long anna = people.split(all, "Anna").personId();

        List<PersonFaces.PersonFace> gallery = people.gallery(anna, PersonFaces.Order.SIMILARITY);

        assertThat(gallery).hasSize(6);
        assertThat(gallery.get(0).face().id()).isEqualTo(stranger);
        assertThat(gallery).extracting(PersonFaces.PersonFace::similarity).isSorted();
        // the numbers are the cosine similarity to the normalised mean of the normalised embeddings, computed here apart
        double[] mean = new double[vectors.get(0).length];
        for (float[] v : vectors) {
            double n = Math.sqrt(dot(v, v));
            for (int i = 0; i < v.length; i++) {
                mean[i] += v[i] / n;
            }
        }
        for (PersonFaces.PersonFace f : gallery) {
            float[] v = vectors.get(all.indexOf(f.face().id()));
            double expected = 0, nm = 0;
            for (int i = 0; i < v.length; i++) {
                expected += v[i] * mean[i];
                nm += mean[i] * mean[i];
            }
            expected /= Math.sqrt(nm) * Math.sqrt(dot(v, v));
            assertThat(f.similarity()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(gallery.get(0).similarity()).isLessThan(0.5);
        assertThat(gallery.get(1).similarity()).isGreaterThan(0.7);
        assertThat(people.gallery(anna, PersonFaces.Order.QUALITY)).extracting(f -> f.face().id())
                .containsExactlyElementsOf(people.facesOf(anna).stream().map(f -> f.id()).toList());
    }

    @Test
    void aFaceWithoutEmbeddingHasNoSimilarityAndComesLast() throws Exception {
        float[] base = PeopleFixture.randomUnit(random);
        long a = fx.face(PeopleFixture.atSimilarity(base, 0.9, random));
        long b = fx.face(PeopleFixture.atSimilarity(base, 0.9, random));
        long none = fx.face(null);
        long bob = people.split(List.of(none, a, b), "Bob").personId();
        List<PersonFaces.PersonFace> gallery = people.gallery(bob, PersonFaces.Order.SIMILARITY);
        assertThat(gallery.get(2).face().id()).isEqualTo(none);
        assertThat(gallery.get(2).similarity()).isNull();
        assertThatThrownBy(() -> people.gallery(987654, PersonFaces.Order.DATE)).isInstanceOf(PeopleException.class)
                .hasMessageContaining("no person with id 987654");
    }

    @Test
    void batchActionsAreOneUndoStepEachAndUndoRestoresEveryRow() throws Exception {
        float[] base = PeopleFixture.randomUnit(random);
        List<Long> f = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            f.add(fx.face(PeopleFixture.atSimilarity(base, 0.85, random)));
        }
        long carl = people.split(f.subList(0, 6), "Carl").personId();
        long dora = people.split(f.subList(6, 8), "Dora").personId();
        people.setCoverFace(carl, f.get(0));
        Map<String, List<Map<String, Object>>> start = fx.peopleTables();
        int before = people.history().actions().size();

        people.moveFaces(List.of(f.get(0), f.get(1)), dora);
        assertThat(people.person(dora).orElseThrow().faceCount()).isEqualTo(4);
        assertThat(people.person(carl).orElseThrow().coverFaceId()).as("the cover left with its face").isNull();
        people.unassignFaces(List.of(f.get(2), f.get(3)));
        assertThat(fx.rows("face_person_rejections")).hasSize(2);
        people.notThisPerson(List.of(f.get(4)), carl);
        people.notAFace(List.of(f.get(5), f.get(6)));
        assertThat(people.person(carl).orElseThrow().faceCount()).isZero();
        people.hidePeople(List.of(carl, dora), true);
        assertThat(people.listPeople(false)).isEmpty();
        people.deletePeople(List.of(carl, dora));
        assertThat(people.listPeople(true)).isEmpty();
        assertThat(people.history().actions()).hasSize(before + 6);

        for (int i = 0; i < 6; i++) {
            people.undo();
        }
        assertThat(fx.peopleTables()).isEqualTo(start);
        assertThat(people.listPeople(true)).extracting(Person::name).containsExactly("Carl", "Dora");
    }

    @Test
    void unassigningAFaceOnNobodyChangesNothing() throws Exception {
        long a = fx.face(PeopleFixture.randomUnit(random));
        long b = fx.face(PeopleFixture.randomUnit(random));
        people.split(List.of(a), "Eve");
        Map<String, List<Map<String, Object>>> start = fx.peopleTables();
        assertThatThrownBy(() -> people.unassignFaces(List.of(a, b))).isInstanceOf(PeopleException.class)
                .hasMessageContaining("Face " + b + " is not assigned");
        assertThat(fx.peopleTables()).isEqualTo(start);
        assertThatThrownBy(() -> people.moveFaces(List.of(), 1)).isInstanceOf(PeopleException.class);
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (double) a[i] * b[i];
        }
        return d;
    }
}
