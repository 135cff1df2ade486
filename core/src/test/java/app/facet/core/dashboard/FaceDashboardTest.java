package app.facet.core.dashboard;

import app.facet.core.browse.PersonFilter;
import app.facet.core.editor.ScannedLibrary;
import app.facet.core.people.PeopleService;
import app.facet.model.FaceStatus;
import app.facet.model.QualityLabel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's numbers and listing over a real scanned catalog, and its behaviour on rows broken by raw SQL:
 * flagged with their reason, never hidden, never a crash.
 */
class FaceDashboardTest {
    static final String OBAMA = "people/barack_obama/obama.jpg";
    static final String BIDEN = "people/joe_biden/biden.jpg";
    static final String BIDEN2 = "people/joe_biden/biden2.jpg";
    static final String GROUP = "groups/obama_and_biden.jpg";
    static final String TWO = "groups/two_people.jpg";
    static final String DOGS = "no_faces/dogs.jpg";

    @TempDir
    static Path tmp;
    static ScannedLibrary lib;
    static FaceDashboard dashboard;
    static PeopleService people;

    @BeforeAll
    static void scan() throws Exception {
        // a text file named .jpg: a failed photo with its reason
        Path fake = tmp.resolve("photos/bad/not-a-photo.jpg");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "this is not a JPEG");
        lib = ScannedLibrary.scan(tmp, OBAMA, BIDEN, BIDEN2, GROUP, TWO, DOGS);
        dashboard = new FaceDashboard(lib.catalog);
        people = new PeopleService(lib.catalog);
        people.assignFaceToNewPerson(lib.faceIds(OBAMA).get(0), "Barack Obama");
        people.assignFaceToNewPerson(lib.faceIds(BIDEN).get(0), "Joe Biden");
        people.assignFaceToNewPerson(lib.faceIds(BIDEN2).get(0), "Joe Biden");
    }

    @AfterAll
    static void close() {
        if (lib != null) {
            lib.close();
        }
    }

    @Test
    void coverageCountsPhotosByStateAndFacesByWhereTheyStand() throws Exception {
        Coverage c = dashboard.coverage();
        assertThat(c.photos()).isEqualTo(7);
        assertThat(c.pending()).isZero();
        assertThat(c.scanned()).isEqualTo(7);
        assertThat(c.failed()).isEqualTo(1);
        assertThat(c.failures()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("not_an_image");
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.example()).startsWith("not_an_image: ");
        });
        assertThat(c.withFaces() + c.noFaces() + c.failed()).isEqualTo(c.scanned());
        assertThat(c.withFaces()).isGreaterThanOrEqualTo(5);
        long faces = lib.number("SELECT count(*) FROM face_crops WHERE not_a_face = 0");
        assertThat(faces).isGreaterThanOrEqualTo(1 + 1 + 1 + 3 + 2);
        assertThat(c.faces()).isEqualTo(faces);
        assertThat(c.withEmbedding()).isEqualTo(faces);
        assertThat(c.assignedByUser()).isEqualTo(3);
        assertThat(c.assignedAuto()).isZero();
        assertThat(c.assignedByUser() + c.assignedAuto() + c.suggested() + c.unknown()).isEqualTo(c.faces());
    }

    @Test
    void distributionsCoverEveryFaceOnce() throws Exception {
        Distributions d = dashboard.distributions();
        long faces = lib.number("SELECT count(*) FROM face_crops WHERE not_a_face = 0");
        assertThat(d.quality().bins()).hasSize(10);
        assertThat(d.quality().total() + d.quality().notMeasured()).isEqualTo(faces);
        assertThat(d.faceSize().total() + d.faceSize().notMeasured()).isEqualTo(faces);
        assertThat(d.labels().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(d.quality().total());
        // the lone face of obama.jpg is counted in the bin of its own size and of its own score
        long face = lib.faceIds(OBAMA).get(0);
        double size = Double.parseDouble(lib.text("SELECT face_size_px FROM face_crops WHERE id = ?", face));
        double quality = Double.parseDouble(lib.text("SELECT quality FROM face_crops WHERE id = ?", face));
        assertThat(d.faceSize().bins()).filteredOn(b -> size >= b.from() && size < b.to()).singleElement()
                .satisfies(b -> assertThat(b.count()).isPositive());
        assertThat(d.quality().bins()).filteredOn(b -> quality >= b.from() && (quality < b.to() || b.to() == 1.0)).first()
                .satisfies(b -> assertThat(b.count()).isPositive());
    }

    @Test
    void facesPerPersonMostFirstThenUnknown() throws Exception {
        List<PersonFaceCount> counts = dashboard.facesPerPerson(10);
        assertThat(counts).extracting(PersonFaceCount::name).startsWith("Joe Biden", "Barack Obama").endsWith("Unknown");
        assertThat(counts.get(0).faces()).isEqualTo(2);
        assertThat(counts.get(0).photos()).isEqualTo(2);
        assertThat(counts.get(0).byUser()).isEqualTo(2);
        long unknown = lib.number("SELECT count(*) FROM face_crops WHERE person_id IS NULL AND not_a_face = 0");
        assertThat(counts.get(counts.size() - 1).faces()).isEqualTo(unknown);
        assertThat(dashboard.facesPerPerson(1)).extracting(PersonFaceCount::name).containsExactly("Joe Biden", "Unknown");
    }

    @Test
    void theListingSortsFiltersAndPages() throws Exception {
        long all = lib.number("SELECT count(*) FROM face_crops");
        FacePage best = dashboard.faces(FaceQuery.worstFirst(100).sortedBy(FaceSort.QUALITY, true));
        assertThat(best.total()).isEqualTo(all);
        List<Double> scores = best.rows().stream().filter(r -> r.quality() != null).map(r -> r.quality().overall()).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        // pages of 2 put together are the whole listing, each face once
        List<Long> paged = new ArrayList<>();
        FaceQuery q = FaceQuery.worstFirst(2);
        for (int offset = 0; offset < all; offset += 2) {
            FacePage page = dashboard.faces(q.atOffset(offset));
            assertThat(page.total()).isEqualTo(all);
            page.rows().forEach(r -> paged.add(r.faceId()));
        }
        assertThat(paged).doesNotHaveDuplicates().hasSize((int) all);

        long biden = lib.number("SELECT id FROM persons WHERE name = 'Joe Biden'");
        FacePage bidens = dashboard.faces(FaceQuery.worstFirst(50).withPerson(PersonFilter.only(biden)));
        assertThat(bidens.rows()).hasSize(2).allSatisfy(r -> {
            assertThat(r.personName()).isEqualTo("Joe Biden");
            assertThat(r.assignment()).isEqualTo(FaceAssignment.USER);
            assertThat(r.reviewable()).isTrue();
            assertThat(r.cropReadable()).isTrue();
        });
        FacePage unknown = dashboard.faces(FaceQuery.worstFirst(50).withStatus(StatusFilter.UNKNOWN));
        assertThat(unknown.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.personId()).isNull());
        for (QualityFilter f : List.of(QualityFilter.EXCELLENT, QualityFilter.GOOD, QualityFilter.FAIR, QualityFilter.POOR)) {
            assertThat(dashboard.faces(FaceQuery.worstFirst(50).withQuality(f)).rows())
                    .allSatisfy(r -> assertThat(r.quality().label()).isEqualTo(f.label()));
        }
    }

    @Test
    void rowsBrokenByRawSqlAreListedInvalidWithTheirReasonAndNeverCrashTheDashboard() throws Exception {
        List<Long> group = lib.faceIds(GROUP);
        List<Long> two = lib.faceIds(TWO);
        long pointsAtCrop = group.get(0), degenerate = group.get(1), infinite = group.get(2), cropGone = two.get(0), unmeasured = two.get(1);
        // the old corruption: image_path pointing at a face crop (the guard trigger has to be dropped to plant it)
        lib.sql("DROP TRIGGER face_crops_guard_update");
        lib.sql("UPDATE face_crops SET image_path = crop_path WHERE id = " + pointsAtCrop);
        lib.sql("UPDATE face_crops SET w = 'abc' WHERE id = " + degenerate);
        lib.sql("UPDATE face_crops SET x = 1e999 WHERE id = " + infinite);
        Files.delete(lib.catalog.location().resolve(lib.text("SELECT crop_path FROM face_crops WHERE id = ?", cropGone)));
        lib.sql("UPDATE face_crops SET quality = NULL, quality_label = NULL, face_size_px = NULL WHERE id = " + unmeasured);

        // read at once, before any validation pass stored a flag: the rules applied now still show each break
        FacePage invalid = dashboard.faces(FaceQuery.worstFirst(100).withStatus(StatusFilter.INVALID));
        assertThat(invalid.rows()).extracting(FaceListing::faceId).contains(pointsAtCrop, degenerate, infinite);
        FacePage everything = dashboard.faces(FaceQuery.worstFirst(100));
        assertThat(row(everything, pointsAtCrop).invalidReason()).contains("image_path_is_crop");
        assertThat(row(everything, degenerate).invalidReason()).contains("box_degenerate");
        assertThat(row(everything, infinite).invalidReason()).contains("box_degenerate");
        assertThat(row(everything, degenerate).box()).isNull();
        FaceListing gone = row(everything, cropGone);
        assertThat(gone.invalidReason()).contains("crop_file_missing");
        assertThat(gone.cropReadable()).isFalse();
        for (long id : List.of(pointsAtCrop, degenerate, infinite, cropGone)) {
            FaceListing r = row(everything, id);
            assertThat(r.status()).isEqualTo(FaceStatus.INVALID);
            assertThat(r.statusText()).isEqualTo("⚠ Invalid");
            assertThat(r.reviewable()).as("an invalid row cannot be opened for review").isFalse();
        }
        assertThat(row(everything, unmeasured).quality()).isNull();
        assertThat(dashboard.faces(FaceQuery.worstFirst(100).withQuality(QualityFilter.NOT_MEASURED)).rows())
                .extracting(FaceListing::faceId).contains(unmeasured);
        assertThat(everything.rows().get(everything.rows().size() - 1).quality()).as("unmeasured faces sort last").isNull();
        for (FaceSort sort : FaceSort.values()) {
            assertThat(dashboard.faces(FaceQuery.worstFirst(100).sortedBy(sort, true)).rows()).hasSize(everything.rows().size());
        }
        assertThat(dashboard.coverage().invalid()).as("what SQL alone can see, before a validation pass").isGreaterThanOrEqualTo(3);
        dashboard.distributions();
        dashboard.facesPerPerson(10);

        // the validation pass stores the flags; the listing then says the same
        dashboard.revalidate();
        assertThat(lib.text("SELECT invalid_reason FROM face_crops WHERE id = ?", pointsAtCrop)).contains("image_path_is_crop");
        assertThat(row(dashboard.faces(FaceQuery.worstFirst(100)), pointsAtCrop).invalidReason()).contains("image_path_is_crop");
        FacePage flagged = dashboard.faces(FaceQuery.worstFirst(100).withStatus(StatusFilter.INVALID));
        assertThat(flagged.rows()).extracting(FaceListing::faceId).contains(pointsAtCrop, degenerate, infinite, cropGone);
        assertThat(dashboard.coverage().invalid()).isEqualTo(flagged.total());
    }

    private static FaceListing row(FacePage page, long id) {
        return page.rows().stream().filter(r -> r.faceId() == id).findFirst()
                .orElseThrow(() -> new AssertionError("face " + id + " is not listed"));
    }
}
