package app.facet.core.people;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogQueries;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.scan.Cancellation;
import app.facet.core.scan.ScanListener;
import app.facet.core.scan.ScanOptions;
import app.facet.core.scan.ScanService;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.model.Face;
import app.facet.model.Photo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on ../shared/photos: a real scan (YuNet, alignment, mobilefacenet through ONNX Runtime, real SQLite), then
 * clustering with the thresholds of the model description, then naming one photo of each of the six people and letting
 * recognition do the rest.
 * <p>
 * Who is who: the folder and labels.csv for photos of one person; for photos of several people the labels list who is
 * in them but not where, so {@link #IN_GROUPS} records it by the horizontal position of each face centre (read off the
 * photos by eye, as a fraction of the width). A face nobody is labelled for (a child, a cut-off stranger, a dog) is its
 * own identity: clustering it with anyone counts as a mistake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleOnSharedPhotosTest {

    /** A person whose face centre lies in [from, to) of the photo's width. */
    record Span(double from, double to, String person) {
    }

    static final Map<String, List<Span>> IN_GROUPS = Map.of(
            "groups/two_people.jpg", List.of(new Span(0.0, 0.5, "barack_obama"), new Span(0.5, 1.0, "joe_biden")),
            "groups/obama_and_biden.jpg", List.of(new Span(0.30, 0.50, "joe_biden"), new Span(0.50, 0.75, "barack_obama")),
            "groups/kit_with_rose.jpg", List.of(new Span(0.0, 0.40, "rose_leslie"), new Span(0.40, 1.0, "kit_harington")),
            "edge/32bit.png", List.of(new Span(0.30, 0.80, "barack_obama")));

    /** The one photo of each person the user names. */
    static final Map<String, String> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("people/barack_obama/obama.jpg", "barack_obama");
        NAMED.put("people/joe_biden/biden.jpg", "joe_biden");
        NAMED.put("people/alex_lacamoire/alex-lacamoire.png", "alex_lacamoire");
        NAMED.put("people/rose_leslie/rose1.jpg", "rose_leslie");
        NAMED.put("people/kit_harington/kit1.jpg", "kit_harington");
        NAMED.put("people/lin_manuel_miranda/lin-manuel-miranda.png", "lin_manuel_miranda");
    }

    Catalog catalog;
    Path photos;
    /** face id → identity (a labelled person, or "unlabelled:<face id>") */
    final Map<Long, String> identity = new LinkedHashMap<>();
    final Map<Long, String> relativePath = new HashMap<>();

    @BeforeAll
    void scan(@TempDir Path dir) {
        photos = SharedMaterial.photos();
        catalog = scanIntoNewLibrary(dir.resolve("library"), photos);
        Map<Long, Photo> photoById = new HashMap<>();
        new CatalogQueries(catalog).forEachPhoto(p -> photoById.put(p.id(), p));
        Map<String, SharedMaterial.Label> labels = new HashMap<>();
        SharedMaterial.labels().forEach(l -> labels.put(l.path(), l));
        new CatalogQueries(catalog).forEachFace((Face f) -> {
            Photo p = photoById.get(f.photoId());
            String rel = photos.relativize(Path.of(p.path())).toString().replace('\\', '/');
            relativePath.put(f.id(), rel);
            identity.put(f.id(), identityOf(f, p, labels.get(rel)));
        });
    }

    /**
     * Builds the catalog the way a user does: the real scan pipeline over the folder. (The one place to change if the
     * scan's entry point moves.)
     */
    static Catalog scanIntoNewLibrary(Path library, Path folder) {
        Catalog catalog = Catalog.open(new LibraryLocation(library));
        try (PhotoAnalyzer analyzer = TestAnalyzers.withEmbeddings()) {
            new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(folder), false, 0, 2), ScanListener.NONE, new Cancellation());
        }
        return catalog;
    }

    private static String identityOf(Face f, Photo p, SharedMaterial.Label label) {
        String unlabelled = "unlabelled:" + f.id();
        if (label == null || label.people().isEmpty()) {
            return unlabelled;
        }
        String rel = label.path();
        if (IN_GROUPS.containsKey(rel)) {
            double cx = (f.box().x() + f.box().w() / 2) / p.width();
            for (Span span : IN_GROUPS.get(rel)) {
                if (cx >= span.from() && cx < span.to()) {
                    return span.person();
                }
            }
            return unlabelled;
        }
        return label.people().size() == 1 && label.maxFaces() == 1 ? label.people().get(0) : unlabelled;
    }

    @Test
    @Order(1)
    void clusteringGroupsTheSixPeopleWithPairwiseF1OfAtLeast095() {
        assertThat(identity.values().stream().filter(i -> !i.startsWith("unlabelled")).distinct()).hasSize(6);
        ClusterService clusters = new ClusterService(catalog, ModelThresholds.shipped(), SeedQuality.DEFAULTS, new UndoHistory());

        ClusteringResult result = clusters.cluster();

        List<Long> ids = new ArrayList<>(identity.keySet());
        Map<String, Integer> identityNumber = new HashMap<>();
        int[] truth = new int[ids.size()];
        int[] label = new int[ids.size()];
        Map<Long, Long> clusterOf = new HashMap<>();
        for (FaceCluster c : result.clusters()) {
            clusters.clusterFaceIds(c.clusterId()).forEach(f -> clusterOf.put(f, c.clusterId()));
        }
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            truth[i] = identityNumber.computeIfAbsent(identity.get(ids.get(i)), k -> identityNumber.size());
            Long c = clusterOf.get(ids.get(i));
            label[i] = c == null ? -1 : c.intValue();
            report.append('\n').append(relativePath.get(ids.get(i))).append(" ").append(identity.get(ids.get(i))).append(" -> cluster ").append(c);
        }
        PairwiseF1 f1 = PairwiseF1.of(truth, label);
        assertThat(f1.f1()).as("%s%s", f1, report).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    @Order(2)
    void afterNamingOnePhotoOfEachPersonRecognitionAssignsTheRest() {
        UndoHistory history = new UndoHistory();
        PeopleService people = new PeopleService(catalog, history);
        RecognitionService recognition = new RecognitionService(catalog, ModelThresholds.shipped(), history);
        Map<String, Long> personOf = new HashMap<>();
        for (Map.Entry<String, String> named : NAMED.entrySet()) {
            List<Long> faces = identity.keySet().stream().filter(f -> relativePath.get(f).equals(named.getKey())).toList();
            assertThat(faces).as(named.getKey()).hasSize(1);
            personOf.put(named.getValue(), people.assignFaceToNewPerson(faces.get(0), named.getValue()).personId());
        }

        RecognitionSummary summary = recognition.recognize(false);

        Map<Long, Face> faces = new HashMap<>();
        new CatalogQueries(catalog).forEachFace(f -> faces.put(f.id(), f));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Long, String> e : identity.entrySet()) {
            Face f = faces.get(e.getKey());
            Long expected = personOf.get(e.getValue());
            String where = relativePath.get(e.getKey()) + " (" + e.getValue() + ")";
            if (expected == null && f.personId() != null) {
                wrong.add(where + ": assigned to " + f.personName() + " but is none of the six");
            } else if (expected != null && !expected.equals(f.personId())) {
                wrong.add(where + ": " + (f.personId() == null ? "not assigned" : "assigned to " + f.personName()));
            }
        }
        assertThat(wrong).as("%s; suggestions %s", summary, recognition.suggestions()).isEmpty();
        identity.keySet().stream().filter(f -> relativePath.get(f).startsWith("no_faces/dogs.jpg"))
                .forEach(dog -> assertThat(faces.get(dog).personId()).as("the dog").isNull());
    }
}
