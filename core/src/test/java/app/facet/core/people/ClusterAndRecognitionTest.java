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

/**
 * Discover, name, recognise and correct on a real SQLite catalog, with embeddings of known geometry: each "person" is
 * a random direction and its faces sit at cosine similarity 0.85 to it (so about 0.72 to each other), different people
 * are nearly orthogonal. Thresholds: the mobilefacenet defaults (cut 0.60, auto 0.50, review 0.40).
 */
class ClusterAndRecognitionTest {
    static final PeopleThresholds T = PeopleThresholds.MOBILEFACENET_DEFAULTS;

    @TempDir
    Path dir;
    PeopleFixture fx;
    UndoHistory history;
    PeopleService people;
    ClusterService clusters;
    RecognitionService recognition;
    final Random random = new Random(99);

    @BeforeEach
    void setUp() throws Exception {
        fx = PeopleFixture.create(dir);
        history = new UndoHistory();
        people = new PeopleService(fx.catalog, history);
        clusters = new ClusterService(fx.catalog, T, history);
        recognition = new RecognitionService(fx.catalog, T, history);
    }

    private List<Long> faces(float[] identity, int n) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(fx.face(PeopleFixture.atSimilarity(identity, 0.85, random)));
        }
        return ids;
    }

    @Test
    void clustersAreStoredLargestFirstWithTheBestFacesAsSamples() throws Exception {
        float[] a = PeopleFixture.randomUnit(random), b = PeopleFixture.randomUnit(random);
        List<Long> as = faces(a, 7);
        List<Long> bs = faces(b, 3);
        long sharpest = fx.face(PeopleFixture.atSimilarity(a, 0.85, random), 0.99, 300, 0.99);
        long noEmbedding = fx.face(null);

        ClusteringResult result = clusters.cluster();

        assertThat(result.facesConsidered()).isEqualTo(11);
        assertThat(result.clusters()).hasSize(2);
        FaceCluster first = result.clusters().get(0);
        assertThat(first.clusterId()).isEqualTo(1);
        assertThat(first.size()).isEqualTo(8);
        assertThat(first.sampleFaceIds()).hasSize(5).startsWith(sharpest);
        assertThat(clusters.clusterFaceIds(1)).containsExactlyInAnyOrderElementsOf(concat(as, List.of(sharpest)));
        assertThat(clusters.clusterFaceIds(2)).containsExactlyInAnyOrderElementsOf(bs);
        assertThat(clusters.clusters()).isEqualTo(result.clusters());
        assertThat(fx.column(noEmbedding, "cluster_id")).isNull();
    }

    @Test
    void namingAClusterCreatesThePersonOrAddsToTheSameNameAnyCase() throws Exception {
        float[] a = PeopleFixture.randomUnit(random), b = PeopleFixture.randomUnit(random);
        List<Long> as = faces(a, 4);
        List<Long> bs = faces(b, 2);
        long existing = people.createPerson("Zoe").personId();
        clusters.cluster();

        UndoableAction named = clusters.nameCluster(1, "Yann");
        UndoableAction added = clusters.nameCluster(2, "zoe");

        assertThat(people.person(named.personId()).orElseThrow()).extracting(Person::name, Person::faceCount).containsExactly("Yann", 4);
        assertThat(added.personId()).isEqualTo(existing);
        assertThat(people.person(existing).orElseThrow().faceCount()).isEqualTo(2);
        for (long f : concat(as, bs)) {
            assertThat(fx.face(f)).containsEntry("assigned_by", "user").containsEntry("cluster_id", null);
        }
        assertThat(clusters.clusters()).isEmpty();
        assertThat(clusters.cluster().facesConsidered()).as("named faces leave clustering").isZero();
        assertThatThrownBy(() -> clusters.nameCluster(1, "Nobody")).isInstanceOf(PeopleException.class)
                .hasMessageContaining("no cluster 1");
    }

    @Test
    void aUserAssignmentSurvivesReclusteringAndRerecognition() throws Exception {
        float[] a = PeopleFixture.randomUnit(random), b = PeopleFixture.randomUnit(random);
        List<Long> as = faces(a, 5);
        List<Long> bs = faces(b, 5);
        long ann = people.split(as.subList(0, 4), "Ann").personId();
        long ben = people.split(bs, "Ben").personId();
        // the user says this face, which looks like Ann, is Ben (a twin, a costume...): the machine must never undo it
        long contested = as.get(4);
        people.assignFace(contested, ben);
        Map<String, Object> before = fx.face(contested);

        clusters.cluster();
        RecognitionSummary summary = recognition.recognize(false);
        clusters.cluster();
        recognition.recognize(false);

        assertThat(summary.facesChecked()).as("only unknown faces are looked at").isZero();
        assertThat(fx.face(contested)).isEqualTo(before);
        assertThat(fx.face(contested)).containsEntry("person_id", (int) ben).containsEntry("assigned_by", "user")
                .containsEntry("cluster_id", null).containsEntry("suggested_person_id", null);
        assertThat(people.person(ann).orElseThrow().faceCount()).isEqualTo(4);
    }

    @Test
    void recognitionAssignsSuggestsOrLeavesUnknownByTheThresholds() throws Exception {
        float[] a = PeopleFixture.randomUnit(random);
        long cleo = people.split(faces(a, 6), "Cleo").personId();
        // the centroid of six faces at 0.85 to the identity direction is at ~0.97 to it, the exemplars at 0.85, so a new
        // face's similarity to Cleo is about 0.97 x its similarity to the direction (± 0.04 of noise):
        // 0.95 → ~0.92 (auto), 0.46 → ~0.45 (review), random → ~0 (unknown)
        long clear = fx.face(PeopleFixture.atSimilarity(a, 0.95, random));
        long unsure = fx.face(PeopleFixture.atSimilarity(a, 0.46, random));
        long stranger = fx.face(PeopleFixture.randomUnit(random));
        Map<String, List<Map<String, Object>>> before = fx.peopleTables();

        RecognitionSummary dry = recognition.recognize(true);
        assertThat(fx.peopleTables()).as("a dry run writes nothing").isEqualTo(before);
        RecognitionSummary real = recognition.recognize(false);

        assertThat(dry).usingRecursiveComparison().ignoringFields("dryRun", "elapsed").isEqualTo(real);
        assertThat(real).extracting(RecognitionSummary::facesChecked, RecognitionSummary::autoAssigned,
                RecognitionSummary::suggested, RecognitionSummary::unknown, RecognitionSummary::peopleKnown).containsExactly(3, 1, 1, 1, 1);
        assertThat(fx.face(clear)).containsEntry("person_id", (int) cleo).containsEntry("assigned_by", "auto");
        assertThat(fx.face(unsure)).containsEntry("person_id", null).containsEntry("suggested_person_id", (int) cleo);
        assertThat((Double) fx.column(unsure, "suggestion_similarity")).isBetween(T.reviewSimilarity(), T.autoSimilarity());
        assertThat(fx.face(stranger)).containsEntry("person_id", null).containsEntry("suggested_person_id", null);
        assertThat(recognition.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.faceId()).isEqualTo(unsure);
            assertThat(s.personName()).isEqualTo("Cleo");
        });

        // incremental: a second run looks only at the faces still unknown and changes nothing
        Map<String, List<Map<String, Object>>> afterFirst = fx.peopleTables();
        assertThat(recognition.recognize(false).facesChecked()).isEqualTo(2);
        assertThat(fx.peopleTables()).isEqualTo(afterFirst);
    }

    @Test
    void notThisPersonIsHonouredByRecognitionForever() throws Exception {
        float[] a = PeopleFixture.randomUnit(random);
        long dan = people.split(faces(a, 4), "Dan").personId();
        long lookalike = fx.face(PeopleFixture.atSimilarity(a, 0.97, random));
        recognition.recognize(false);
        assertThat(fx.face(lookalike)).containsEntry("person_id", (int) dan).containsEntry("assigned_by", "auto");

        people.notThisPerson(lookalike, dan);
        assertThat(fx.face(lookalike)).containsEntry("person_id", null);
        for (int run = 0; run < 2; run++) {
            recognition.recognize(false);
            assertThat(fx.face(lookalike)).containsEntry("person_id", null).containsEntry("suggested_person_id", null);
        }
        assertThat(recognition.suggestions()).isEmpty();
    }

    @Test
    void confirmingAndRejectingSuggestionsAreUndoable() throws Exception {
        float[] a = PeopleFixture.randomUnit(random);
        long eli = people.split(faces(a, 5), "Eli").personId();
        long s1 = fx.face(PeopleFixture.atSimilarity(a, 0.46, random));
        long s2 = fx.face(PeopleFixture.atSimilarity(a, 0.46, random));
        recognition.recognize(false);
        assertThat(recognition.suggestions()).extracting(Suggestion::faceId).containsExactlyInAnyOrder(s1, s2);
        Map<String, List<Map<String, Object>>> before = fx.peopleTables();

        recognition.confirmSuggestion(s1);
        recognition.rejectSuggestion(s2);
        assertThat(fx.face(s1)).containsEntry("person_id", (int) eli).containsEntry("assigned_by", "user");
        assertThat(fx.face(s2)).containsEntry("person_id", null).containsEntry("suggested_person_id", null);
        assertThat(fx.rows("face_person_rejections")).hasSize(1);
        recognition.recognize(false);
        assertThat(recognition.suggestions()).as("a rejected suggestion never comes back").isEmpty();

        people.undo();
        people.undo();
        assertThat(fx.peopleTables()).isEqualTo(before);
        assertThatThrownBy(() -> recognition.confirmSuggestion(fx.face(PeopleFixture.randomUnit(random))))
                .isInstanceOf(PeopleException.class).hasMessageContaining("no suggestion");
    }

    @Test
    void notAFaceIsExcludedFromClusteringRecognitionAndCounts() throws Exception {
        float[] a = PeopleFixture.randomUnit(random);
        List<Long> fs = faces(a, 4);
        long fay = people.split(fs.subList(0, 2), "Fay").personId();
        long ghost = fs.get(2);
        people.notAFace(ghost);
        people.notAFace(fs.get(1));
        assertThat(people.person(fay).orElseThrow().faceCount()).as("a face of Fay marked not a face stops counting").isEqualTo(1);

        ClusteringResult c = clusters.cluster();
        RecognitionSummary r = recognition.recognize(false);

        assertThat(c.facesConsidered()).isEqualTo(1);
        assertThat(fx.column(ghost, "cluster_id")).isNull();
        assertThat(r.facesChecked()).isEqualTo(1);
        assertThat(fx.face(ghost)).containsEntry("person_id", null).containsEntry("suggested_person_id", null);
        assertThat(fx.face(fs.get(3))).containsEntry("person_id", (int) fay).containsEntry("assigned_by", "auto");
        assertThat(people.person(fay).orElseThrow().faceCount()).isEqualTo(2);
    }

    @Test
    void ambiguousBetweenTwoPeopleIsASuggestionNotAnAssignment() throws Exception {
        float[] a = PeopleFixture.randomUnit(random);
        float[] b = PeopleFixture.atSimilarity(a, 0.6, random); // two similar-looking siblings
        people.split(List.of(fx.face(a)), "Gil");
        people.split(List.of(fx.face(b)), "Hana");
        float[] between = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            between[i] = a[i] + b[i];
        }
        long face = fx.face(SyntheticFaces.unit(between));
        RecognitionSummary r = recognition.recognize(false);
        assertThat(r.autoAssigned()).isZero();
        assertThat(r.suggested()).isEqualTo(1);
        assertThat(fx.face(face)).containsEntry("person_id", null);
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
