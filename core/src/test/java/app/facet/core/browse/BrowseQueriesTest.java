package app.facet.core.browse;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.model.Face;
import app.facet.model.Photo;
import app.facet.model.ScanState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read side of the grid, sidebar and viewer over a real SQLite catalog whose rows point at the shared photos. */
class BrowseQueriesTest {
    static final Path SHARED = Path.of(System.getProperty("facet.shared", "../shared")).resolve("photos").toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    Catalog catalog;
    long obama, obama2, biden, group, dogs, folderPercent;
    long anna, bert;
    long faceObama, faceGroupA, faceGroupB, faceGroupUnknown, faceDogNotAFace;

    @BeforeEach
    void buildCatalog() throws Exception {
        catalog = Catalog.open(new LibraryLocation(tmp.resolve("lib")));
        Path crops = catalog.location().cropsDir();
        Files.createDirectories(crops);
        // a folder whose name holds LIKE wildcards: the folder filter must treat them literally
        Path odd = Files.createDirectories(tmp.resolve("pics 100%_x"));
        Path oddCopy = Files.copy(SHARED.resolve("edge/obama_small.jpg"), odd.resolve("small.jpg"));
        try (Connection c = catalog.connect()) {
            obama = photo(c, SHARED.resolve("people/barack_obama/obama.jpg"), "2019-05-01T10:00:00Z");
            obama2 = photo(c, SHARED.resolve("people/barack_obama/obama2.jpg"), "2018-01-01T10:00:00Z");
            biden = photo(c, SHARED.resolve("people/joe_biden/biden.jpg"), null); // dated by its mtime (2001)
            group = photo(c, SHARED.resolve("groups/obama_and_biden.jpg"), "2019-05-01T09:00:00Z");
            dogs = photo(c, SHARED.resolve("no_faces/dogs.jpg"), "2020-02-02T00:00:00Z");
            folderPercent = photo(c, oddCopy, "2021-01-01T00:00:00Z");
            try (PreparedStatement ps = c.prepareStatement("UPDATE photos SET mtime_ms = ? WHERE id = ?")) {
                ps.setLong(1, LocalDate.of(2001, 6, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli());
                ps.setLong(2, biden);
                ps.executeUpdate();
            }
            anna = person(c, "Anna");
            bert = person(c, "bert");
            Path crop = Files.writeString(crops.resolve("x.jpg"), "crop");
            faceObama = face(c, obama, crop.toString(), anna, 0.9);
            faceGroupA = face(c, group, crops.resolve("a.jpg").toString(), anna, 0.95);
            faceGroupB = face(c, group, crops.resolve("b.jpg").toString(), bert, 0.5);
            faceGroupUnknown = face(c, group, crops.resolve("c.jpg").toString(), null, 0.4);
            faceDogNotAFace = face(c, dogs, null, null, 0.3);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE face_crops SET not_a_face = 1 WHERE id = " + faceDogNotAFace);
            }
        }
    }

    @Test
    void allPhotosInDateOrderThenPath() {
        PhotoSelection all = new PhotoBrowser(catalog).select(PhotoFilter.ALL);
        assertThat(ids(all)).containsExactly(biden, obama2, group, obama, dogs, folderPercent);
    }

    @Test
    void folderFilterIsRecursiveAndLiteral() {
        PhotoBrowser browser = new PhotoBrowser(catalog);
        assertThat(ids(browser.select(PhotoFilter.ALL.withFolder(SHARED.resolve("people"))))).containsExactly(biden, obama2, obama);
        assertThat(ids(browser.select(PhotoFilter.ALL.withFolder(SHARED.resolve("people/barack_obama"))))).containsExactly(obama2, obama);
        // "people/barack" is not a folder prefix of "people/barack_obama/..."
        assertThat(browser.select(PhotoFilter.ALL.withFolder(SHARED.resolve("people/barack"))).size()).isZero();
        assertThat(ids(browser.select(PhotoFilter.ALL.withFolder(tmp.resolve("pics 100%_x"))))).containsExactly(folderPercent);
        assertThat(browser.select(PhotoFilter.ALL.withFolder(tmp.resolve("pics 1"))).size()).isZero();
    }

    @Test
    void dateRangeIsInclusiveAndFallsBackToFileTime() {
        PhotoBrowser browser = new PhotoBrowser(catalog);
        assertThat(ids(browser.select(PhotoFilter.ALL.withDates(LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 1)))))
                .containsExactly(group, obama);
        assertThat(ids(browser.select(PhotoFilter.ALL.withDates(null, LocalDate.of(2005, 1, 1))))).containsExactly(biden);
        assertThat(ids(browser.select(PhotoFilter.ALL.withDates(LocalDate.of(2020, 1, 1), null)))).containsExactly(dogs, folderPercent);
    }

    @Test
    void personAndUnknownFilters() {
        PhotoBrowser browser = new PhotoBrowser(catalog);
        assertThat(ids(browser.select(PhotoFilter.ALL.withPerson(PersonFilter.only(anna))))).containsExactly(group, obama);
        assertThat(ids(browser.select(PhotoFilter.ALL.withPerson(PersonFilter.only(bert))))).containsExactly(group);
        // the dog's face is "not a face": dogs.jpg is not an Unknown photo
        assertThat(ids(browser.select(PhotoFilter.ALL.withPerson(PersonFilter.unknown())))).containsExactly(group);
        assertThat(ids(browser.select(PhotoFilter.ALL.withPerson(PersonFilter.only(anna)).withFolder(SHARED.resolve("groups")))))
                .containsExactly(group);
    }

    @Test
    void photosKeepTheRequestedOrderAndCountFaces() {
        List<Photo> photos = new PhotoBrowser(catalog).photos(new long[]{dogs, group, 999_999L, obama});
        assertThat(photos).extracting(Photo::id).containsExactly(dogs, group, obama);
        assertThat(photos).extracting(Photo::faceCount).containsExactly(0, 3, 1);
        assertThat(photos.get(2).path()).isEqualTo(SHARED.resolve("people/barack_obama/obama.jpg").toString());
        assertThat(photos.get(2).takenAt()).isEqualTo(java.time.Instant.parse("2019-05-01T10:00:00Z"));
        assertThat(photos.get(2).scanState()).isEqualTo(ScanState.DONE);
    }

    @Test
    void manyIdsAreReadInBatches() throws Exception {
        long[] ids = new long[PhotoBrowser.MAX_IDS_PER_QUERY * 2 + 7];
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            for (int i = 0; i < ids.length; i++) {
                ids[i] = photo(c, tmp.resolve("synthetic/p" + i + ".jpg"), null);
            }
            c.commit();
        }
        assertThat(new PhotoBrowser(catalog).photos(ids)).extracting(Photo::id).containsExactly(box(ids));
    }

    @Test
    void foldersAreTheDirectParentsOfPhotos() {
        List<Path> expected = new ArrayList<>(List.of(SHARED.resolve("groups"), SHARED.resolve("no_faces"),
                SHARED.resolve("people/barack_obama"), SHARED.resolve("people/joe_biden"), tmp.resolve("pics 100%_x")));
        expected.sort(java.util.Comparator.comparing(Path::toString));
        assertThat(new PhotoBrowser(catalog).folders()).containsExactlyElementsOf(expected);
    }

    @Test
    void peopleWithCountsAndBestFaceAsCover() throws Exception {
        List<PersonSummary> people = new PeopleBrowser(catalog).people();
        assertThat(people).extracting(p -> p.person().name()).containsExactly("Anna", "bert");
        PersonSummary a = people.get(0);
        assertThat(a.person().photoCount()).isEqualTo(2);
        assertThat(a.person().faceCount()).isEqualTo(2);
        assertThat(a.coverCrop()).isEqualTo(catalog.location().cropsDir().resolve("a.jpg")); // quality 0.95 beats 0.9

        try (Connection c = catalog.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE persons SET cover_face_id = " + faceObama + " WHERE id = " + anna);
        }
        assertThat(new PeopleBrowser(catalog).people().get(0).coverCrop()).isEqualTo(catalog.location().cropsDir().resolve("x.jpg"));
    }

    @Test
    void unknownCountsUnassignedRealFaces() {
        assertThat(new PeopleBrowser(catalog).unknown()).isEqualTo(new UnknownFaces(1, 1));
    }

    @Test
    void facesOfAPhotoCarryPersonNames() {
        List<Face> faces = new FaceBrowser(catalog).faces(group);
        assertThat(faces).hasSize(3);
        assertThat(faces).extracting(Face::personName).containsExactlyInAnyOrder("Anna", "bert", null);
        Face unknown = faces.stream().filter(f -> f.personId() == null).findFirst().orElseThrow();
        assertThat(unknown.id()).isEqualTo(faceGroupUnknown);
        assertThat(unknown.imagePath()).isEqualTo(SHARED.resolve("groups/obama_and_biden.jpg").toString());
        assertThat(unknown.box().w()).isPositive();
        assertThat(unknown.quality().overall()).isEqualTo(0.4);
    }

    @Test
    void cropPathsOfFaces() {
        var crops = new FaceBrowser(catalog).cropPaths(List.of(faceGroupA, faceObama, faceDogNotAFace, 999_999L));
        assertThat(crops).containsOnlyKeys(faceGroupA, faceObama);
        assertThat(crops.get(faceGroupA)).isEqualTo(catalog.location().cropsDir().resolve("a.jpg"));
    }

    @Test
    void scanRootsComeFromTheHistory() throws Exception {
        try (Connection c = catalog.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO scan_runs(roots) VALUES ('[\"/a/photos\", \"/b\"]')");
            s.executeUpdate("INSERT INTO scan_runs(roots) VALUES ('[\"/a/photos\"]')");
            s.executeUpdate("INSERT INTO scan_runs(roots, dry_run) VALUES ('[\"/dry\"]', 1)");
        }
        assertThat(new ScanHistory(catalog).roots()).containsExactly(Path.of("/a/photos"), Path.of("/b"));
    }

    private static Long[] box(long[] ids) {
        Long[] out = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    private static List<Long> ids(PhotoSelection s) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.idAt(i));
        }
        return out;
    }

    static long photo(Connection c, Path path, String takenAt) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO photos(path, size_bytes, mtime_ms, width, height, taken_at, scan_state) VALUES (?, 1, 0, 100, 100, ?, 'done')",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, path.toString());
            ps.setString(2, takenAt);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long person(Connection c, String name) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO persons(name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long face(Connection c, long photoId, String cropPath, Long personId, double quality) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO face_crops(photo_id, image_path, crop_path, x, y, w, h, detection_score, detector, quality, person_id, assigned_by)"
                        + " VALUES (?, (SELECT path FROM photos WHERE id = ?), ?, 10, 10, 20, 20, 0.9, 'test', ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, photoId);
            ps.setLong(2, photoId);
            ps.setString(3, cropPath);
            ps.setDouble(4, quality);
            ps.setObject(5, personId);
            ps.setString(6, personId == null ? "none" : "user");
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
