package app.facet.app.cli;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.people.PeopleService;
import app.facet.model.BoundingBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static app.facet.app.cli.Cli.facet;
import static app.facet.app.cli.Cli.shared;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Face regions in XMP, end to end through the CLI over real photos, a real catalog and real sidecars, with ExifTool
 * (Debian libimage-exiftool-perl) as the independent tool that writes regions and reads Facet's back.
 */
class MetadataFacesCliTest {
    @TempDir
    Path tmp;

    /** A face row as the tests compare them. @param box oriented pixels */
    record Face(long id, BoundingBox box, String person, String assignedBy, String source, String detector) {
    }

    @Test
    void namesWrittenBySidecarsInLibraryAReachAFreshLibraryBWithoutAnyNaming() throws Exception {
        assumeExifTool();
        Path photos = copyOf(tmp, "groups/two_people.jpg", "groups/obama_and_biden.jpg", "people/barack_obama/obama.jpg");
        Path a = tmp.resolve("libA");
        assertThat(scan(photos, a).exit()).isZero();
        List<String> shaBefore = sha256All(photos);

        // library A: the user names every face, left to right "P1", "P2" … per photo (the names need not be true)
        Catalog catalogA = catalog(a);
        List<Face> facesA = faces(catalogA);
        assertThat(facesA).hasSizeGreaterThanOrEqualTo(4);
        PeopleService people = new PeopleService(catalogA);
        List<String> names = List.of("Ada Lovelace", "Émile Zola", "Grace Hopper", "Alan Turing", "Kit", "Rose");
        for (int i = 0; i < facesA.size(); i++) {
            people.assignFaceToNewPerson(facesA.get(i).id(), names.get(i % names.size()) + (i >= names.size() ? " " + i : ""));
        }
        facesA = faces(catalogA);

        Cli.Run dry = facet("metadata", "write", "--dry-run", "--library", a.toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would be created", "(dry run: nothing was written)");
        assertThat(sidecars(photos)).isEmpty();

        Cli.Run write = facet("metadata", "write", "--library", a.toString());
        assertThat(write.exit()).as(write.err() + write.out()).isZero();
        assertThat(write.out()).contains("3 photos with named faces: 3 sidecars created");
        assertThat(sidecars(photos)).hasSize(3);
        assertThat(sha256All(photos)).as("the originals' bytes").isEqualTo(shaBefore);
        Cli.Run again = facet("metadata", "write", "--library", a.toString());
        assertThat(again.out()).contains("3 unchanged");
        // Facet's own sidecars hold nothing new for library A: a rescan analyses nothing again (same face rows)
        assertThat(scan(photos, a).exit()).isZero();
        assertThat(faces(catalogA)).isEqualTo(facesA);

        // ExifTool, the independent witness, reads the names and regions back from the sidecars
        for (Face f : facesA) {
            Path sidecar = Path.of(photoPath(catalogA, f.id()) + ".xmp");
            JsonNode info = exifJson("-struct", "-XMP-mwg-rs:RegionInfo", "-XMP-iptcExt:PersonInImage", sidecar.toString());
            assertThat(info.path("PersonInImage").toString()).contains(f.person());
            assertThat(regionNames(info)).contains(f.person());
        }

        // library B, fresh, scans the same folder: the same names on the same faces, without any naming
        Path b = tmp.resolve("libB");
        assertThat(scan(photos, b).exit()).isZero();
        List<Face> facesB = faces(catalog(b));
        for (Face fa : facesA) {
            Face fb = facesB.stream().filter(x -> x.box().iou(fa.box()) >= 0.8).findFirst().orElseThrow(
                    () -> new AssertionError("no face of library B at " + fa.box()));
            assertThat(fb.person()).isEqualTo(fa.person());
            assertThat(fb.assignedBy()).isEqualTo("user");
            assertThat(fb.source()).startsWith("sidecar ").contains(".jpg.xmp mwg-rs:RegionList[");
        }
        assertThat(facesB).hasSameSizeAs(facesA);
    }

    @Test
    void regionsWrittenByExifToolEmbeddedInSidecarsAndOnARotatedPhotoBecomeNamedFaces() throws Exception {
        assumeExifTool();
        Path photos = copyOf(tmp, "people/barack_obama/obama.jpg", "people/joe_biden/biden.jpg", "people/kit_harington/kit1.jpg");
        Path rotated = photos.resolve("kit1.jpg");
        // a phone photo: the pixels stored on their side (turned 90 degrees counter-clockwise), the tag turns them upright
        Path turned = tmp.resolve("turned.jpg");
        Process jpegtran = new ProcessBuilder("jpegtran", "-rotate", "270", "-copy", "all", "-outfile", turned.toString(),
                rotated.toString()).inheritIO().start();
        assertThat(jpegtran.waitFor()).isZero();
        Files.move(turned, rotated, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        exif("-overwrite_original", "-n", "-Orientation=6", rotated.toString());
        Path ref = tmp.resolve("reference");
        assertThat(scan(photos, ref, "--no-metadata-faces").exit()).isZero();
        Catalog refCatalog = catalog(ref);
        BoundingBox obama = onlyFace(refCatalog, "obama.jpg"), biden = onlyFace(refCatalog, "biden.jpg"),
                kit = onlyFace(refCatalog, "kit1.jpg");

        int[] o = size(photos.resolve("obama.jpg"));
        exif("-overwrite_original", "-XMP-mwg-rs:RegionInfo=" + mwg(o[0], o[1], storedFractions(obama, o, 1), "Ada"),
                photos.resolve("obama.jpg").toString());
        int[] b = size(photos.resolve("biden.jpg"));
        exif("-o", photos.resolve("biden.jpg.xmp").toString(), "-XMP-mwg-rs:RegionInfo="
                + mwg(b[0], b[1], storedFractions(biden, b, 1), "Bea"), photos.resolve("biden.jpg").toString());
        int[] k = size(rotated);   // stored size: the regions are fractions of the stored image (MWG)
        exif("-o", photos.resolve("kit1.jpg.xmp").toString(), "-XMP-MP:RegionInfoMP=" + microsoft(storedFractions(kit, k, 6), "Cy"),
                rotated.toString());

        Path skip = tmp.resolve("skipped");
        assertThat(scan(photos, skip, "--no-metadata-faces").exit()).isZero();
        assertThat(faces(catalog(skip))).extracting(Face::person).containsOnlyNulls();

        Path lib = tmp.resolve("lib");
        Cli.Run run = scan(photos, lib);
        assertThat(run.exit()).as(run.err()).isZero();
        Catalog catalog = catalog(lib);
        assertNamed(catalog, "obama.jpg", obama, "Ada", "embedded ");
        assertNamed(catalog, "biden.jpg", biden, "Bea", "sidecar ");
        assertNamed(catalog, "kit1.jpg", kit, "Cy", "sidecar ");
    }

    @Test
    void aSidecarWrittenAfterTheScanIsReadByTheNextScanThoughThePhotoDidNotChange() throws Exception {
        assumeExifTool();
        Path photos = copyOf(tmp, "people/barack_obama/obama.jpg", "people/joe_biden/biden.jpg");
        Path photo = photos.resolve("obama.jpg");
        Path lib = tmp.resolve("lib");
        assertThat(scan(photos, lib).exit()).isZero();
        Catalog catalog = catalog(lib);
        List<Face> before = faces(catalog);
        assertThat(before).extracting(Face::person).containsOnlyNulls();
        assertThat(scan(photos, lib).exit()).isZero();
        assertThat(faces(catalog)).as("a rescan of unchanged photos changes nothing").isEqualTo(before);

        String sha = sha256All(photos).get(1);
        BoundingBox box = onlyFace(catalog, "obama.jpg");
        int[] s = size(photo);
        exif("-o", photos.resolve("obama.jpg.xmp").toString(), "-XMP-mwg-rs:RegionInfo=" + mwg(s[0], s[1],
                storedFractions(box, s, 1), "Ada"), photo.toString());
        assertThat(sha256All(photos).get(1)).isEqualTo(sha);
        assertThat(scan(photos, lib).exit()).isZero();
        assertNamed(catalog, "obama.jpg", box, "Ada", "sidecar ");
        Face biden = faces(catalog).stream().filter(f -> photoPathUnchecked(catalog, f.id()).endsWith("biden.jpg")).findFirst().orElseThrow();
        assertThat(before).as("the other photo was not analysed again").contains(biden);
        List<Face> named = faces(catalog);
        assertThat(scan(photos, lib).exit()).isZero();
        assertThat(faces(catalog)).isEqualTo(named);
    }

    @Test
    void aRegionNoDetectorFindsBecomesAFaceOfItsOwnAsIfDrawnByHand() throws Exception {
        assumeExifTool();
        Path photos = copyOf(tmp, "no_faces/dogs.jpg");
        Path dogs = photos.resolve("dogs.jpg");
        exif("-overwrite_original", "-XMP-mwg-rs:RegionInfo={RegionList=[{Area={X=0.5,Y=0.4,W=0.3,H=0.4,Unit=normalized},"
                + "Name=Rex,Type=Face}]}", dogs.toString());
        Path lib = tmp.resolve("lib");
        assertThat(scan(photos, lib).exit()).isZero();
        List<Face> faces = faces(catalog(lib));
        assertThat(faces).hasSize(1);
        assertThat(faces.get(0).person()).isEqualTo("Rex");
        assertThat(faces.get(0).assignedBy()).isEqualTo("user");
        assertThat(faces.get(0).detector()).isEqualTo("manual");
        assertThat(faces.get(0).source()).isEqualTo("embedded dogs.jpg mwg-rs:RegionList[1]");
        int[] s = size(dogs);
        assertThat(faces.get(0).box().iou(new BoundingBox(0.35 * s[0], 0.2 * s[1], 0.3 * s[0], 0.4 * s[1]))).isGreaterThan(0.95);
    }

    @Test
    void aRegionConflictingWithTheUsersNameNeverOverridesItAndIsListedForReview() throws Exception {
        assumeExifTool();
        Path photos = copyOf(tmp, "people/barack_obama/obama.jpg");
        Path photo = photos.resolve("obama.jpg");
        Path lib = tmp.resolve("lib");
        assertThat(scan(photos, lib).exit()).isZero();
        Catalog catalog = catalog(lib);
        Face face = faces(catalog).get(0);
        new PeopleService(catalog).assignFaceToNewPerson(face.id(), "Barack Obama");

        // another program names the same face otherwise, writing into the photo (its content changes)
        int[] s = size(photo);
        exif("-overwrite_original", "-XMP-mwg-rs:RegionInfo=" + mwg(s[0], s[1], storedFractions(face.box(), s, 1), "Somebody Else"),
                photo.toString());
        Cli.Run again = scan(photos, lib);
        assertThat(again.exit()).as(again.err()).isZero();
        List<Face> after = faces(catalog);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).person()).isEqualTo("Barack Obama");
        assertThat(after.get(0).assignedBy()).isEqualTo("user");

        List<CSVRecord> rows = decisions(lib);
        assertThat(rows).hasSize(1);
        CSVRecord r = rows.get(0);
        assertThat(r.get("kind")).isEqualTo("metadata_conflict");
        assertThat(r.get("code")).isEqualTo("named_differently");
        assertThat(r.get("person")).isEqualTo("Somebody Else");
        assertThat(r.get("reason")).contains("named 'Barack Obama' in Facet");
        assertThat(r.get("decision_id")).startsWith("m");

        Cli.Run dismiss = facet("decisions", "dismiss", r.get("decision_id"), "--library", lib.toString());
        assertThat(dismiss.exit()).as(dismiss.err()).isZero();
        assertThat(decisions(lib)).isEmpty();
        assertThat(facet("decisions", "dismiss", r.get("decision_id"), "--library", lib.toString()).exit()).isEqualTo(2);
    }

    @Test
    void aMalformedSidecarIsRecordedWithItsReasonAndTheScanCompletes() throws Exception {
        Path photos = copyOf(tmp, "people/barack_obama/obama.jpg", "people/joe_biden/biden.jpg");
        Files.writeString(photos.resolve("obama.jpg.xmp"), "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                + "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description <<< not xml", StandardCharsets.UTF_8);
        Path lib = tmp.resolve("lib");
        Cli.Run run = scan(photos, lib);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(faces(catalog(lib))).hasSize(2);
        List<CSVRecord> rows = decisions(lib);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("kind")).isEqualTo("metadata_bad");
        assertThat(rows.get(0).get("code")).isEqualTo("malformed_xmp");
        assertThat(rows.get(0).get("source")).isEqualTo("obama.jpg.xmp");
        assertThat(rows.get(0).get("path")).endsWith("obama.jpg");
    }

    @Test
    void badRegionsWrittenByExifToolAreRecordedWithTheirReasonsAndTheScanCompletes() throws Exception {
        assumeExifTool();
        Path photos = copyOf(tmp, "people/barack_obama/obama.jpg", "people/joe_biden/biden.jpg");
        Path ref = tmp.resolve("reference");
        assertThat(scan(photos, ref).exit()).isZero();
        BoundingBox obama = onlyFace(catalog(ref), "obama.jpg");
        int[] s = size(photos.resolve("obama.jpg"));
        double[] f = storedFractions(obama, s, 1);
        // the face, named with a right-to-left override (a name that displays as something else), and a region outside
        String rlo = "Eve\u202Etxt.exe";
        exif("-overwrite_original", String.format(Locale.ROOT, "-XMP-mwg-rs:RegionInfo={RegionList=[{Area={X=%.5f,Y=%.5f,W=%.5f,"
                + "H=%.5f,Unit=normalized},Name=%s,Type=Face},{Area={X=1.6,Y=0.5,W=0.2,H=0.2,Unit=normalized},Name=Out,Type=Face}]}",
                f[0] + f[2] / 2, f[1] + f[3] / 2, f[2], f[3], rlo), photos.resolve("obama.jpg").toString());
        // 600 small regions: more than a list is read, and more than are cut as faces
        StringBuilder many = new StringBuilder("-XMP-mwg-rs:RegionInfo={RegionList=[");
        for (int i = 0; i < 600; i++) {
            many.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{Area={X=%.4f,Y=%.4f,W=0.03,H=0.03,Unit=normalized},"
                    + "Name=N%d,Type=Face}", 0.05 + (i % 30) * 0.03, 0.05 + (i / 30) * 0.04, i));
        }
        exif("-overwrite_original", many.append("]}").toString(), photos.resolve("biden.jpg").toString());

        Path lib = tmp.resolve("lib");
        Cli.Run run = scan(photos, lib);
        assertThat(run.exit()).as(run.err()).isZero();
        List<CSVRecord> rows = decisions(lib);
        assertThat(rows).extracting(r -> r.get("kind")).containsOnly("metadata_bad");
        assertThat(rows).extracting(r -> r.get("code")).containsExactlyInAnyOrder("unsafe_name", "outside_image",
                "too_many_regions", "too_many_regions");
        assertThat(rows.stream().filter(r -> r.get("code").equals("unsafe_name")).findFirst().orElseThrow().get("reason"))
                .contains("U+202E");
        List<Face> faces = faces(catalog(lib));
        // the face is kept, unnamed: no person was made of the unsafe name
        Face obamaFace = faces.stream().filter(x -> x.box().iou(obama) >= 0.8).findFirst().orElseThrow();
        assertThat(obamaFace.person()).isNull();
        assertThat(faces.stream().filter(x -> "manual".equals(x.detector())).count()).isLessThanOrEqualTo(50);
        try (Connection c = catalog(lib).connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM persons WHERE name LIKE 'Eve%' OR name = 'Out'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aRegionNeverUndoesNotAFaceOrNotThisPersonAndTheConflictIsListed() throws Exception {
        assumeExifTool();
        Path photos = copyOf(tmp, "people/barack_obama/obama.jpg", "people/joe_biden/biden.jpg");
        Path lib = tmp.resolve("lib");
        assertThat(scan(photos, lib).exit()).isZero();
        Catalog catalog = catalog(lib);
        PeopleService people = new PeopleService(catalog);
        BoundingBox obama = onlyFace(catalog, "obama.jpg"), biden = onlyFace(catalog, "biden.jpg");
        long obamaFace = faces(catalog).stream().filter(f -> f.box().equals(obama)).findFirst().orElseThrow().id();
        long bidenFace = faces(catalog).stream().filter(f -> f.box().equals(biden)).findFirst().orElseThrow().id();
        people.notAFace(obamaFace);
        people.assignFaceToNewPerson(bidenFace, "Ada");
        long ada = personId(catalog, "Ada");
        people.notThisPerson(bidenFace, ada);

        // another program names both faces, writing into the photos (their content changes: analysed again)
        int[] o = size(photos.resolve("obama.jpg")), b = size(photos.resolve("biden.jpg"));
        exif("-overwrite_original", "-XMP-mwg-rs:RegionInfo=" + mwg(o[0], o[1], storedFractions(obama, o, 1), "Zed"),
                photos.resolve("obama.jpg").toString());
        exif("-overwrite_original", "-XMP-mwg-rs:RegionInfo=" + mwg(b[0], b[1], storedFractions(biden, b, 1), "Ada"),
                photos.resolve("biden.jpg").toString());
        Cli.Run again = scan(photos, lib);
        assertThat(again.exit()).as(again.err()).isZero();

        List<CSVRecord> rows = decisions(lib);
        assertThat(rows).extracting(r -> r.get("kind") + " " + r.get("code") + " " + r.get("person"))
                .containsExactlyInAnyOrder("metadata_conflict not_a_face Zed", "metadata_conflict not_this_person Ada");
        try (Connection c = catalog.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM face_crops WHERE not_a_face = 1 AND person_id IS NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the face is still not a face, on nobody").isEqualTo(1);
        }
        assertThat(faces(catalog)).extracting(Face::person).containsOnlyNulls();
        assertThat(personIdOrNull(catalog, "Zed")).as("no person is made of a refused region").isNull();
    }

    // ---- helpers ----

    static long personId(Catalog catalog, String name) throws Exception {
        Long id = personIdOrNull(catalog, name);
        assertThat(id).as(name).isNotNull();
        return id;
    }

    static Long personIdOrNull(Catalog catalog, String name) throws Exception {
        try (Connection c = catalog.connect(); var ps = c.prepareStatement("SELECT id FROM persons WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }


    static void assertNamed(Catalog catalog, String file, BoundingBox expected, String name, String source) throws Exception {
        List<Face> faces = faces(catalog).stream().filter(f -> photoPathUnchecked(catalog, f.id()).endsWith(file)).toList();
        assertThat(faces).as(file).hasSize(1);
        assertThat(faces.get(0).box().iou(expected)).as(file + " box").isGreaterThan(0.8);
        assertThat(faces.get(0).person()).as(file).isEqualTo(name);
        assertThat(faces.get(0).assignedBy()).isEqualTo("user");
        assertThat(faces.get(0).source()).as(file).startsWith(source);
    }

    /** A face's oriented box as fractions of the stored image (x, y, w, h top-left), for orientation 1 or 6. */
    static double[] storedFractions(BoundingBox b, int[] stored, int orientation) {
        if (orientation == 1) {
            return new double[]{b.x() / stored[0], b.y() / stored[1], b.w() / stored[0], b.h() / stored[1]};
        }
        // orientation 6 shows the stored image turned 90 degrees clockwise: oriented W = stored H
        double ow = stored[1], oh = stored[0];
        return new double[]{b.y() / oh, 1 - (b.x() + b.w()) / ow, b.h() / oh, b.w() / ow};
    }

    static String mwg(int w, int h, double[] f, String name) {
        return String.format(Locale.ROOT, "{AppliedToDimensions={W=%d,H=%d,Unit=pixel},RegionList=[{Area={X=%.5f,Y=%.5f,"
                + "W=%.5f,H=%.5f,Unit=normalized},Name=%s,Type=Face}]}", w, h, f[0] + f[2] / 2, f[1] + f[3] / 2, f[2], f[3], name);
    }

    static String microsoft(double[] f, String name) {
        return String.format(Locale.ROOT, "{Regions=[{PersonDisplayName=%s,Rectangle=%.5f|, %.5f|, %.5f|, %.5f}]}",
                name, f[0], f[1], f[2], f[3]);
    }

    /** Copies shared photos (paths under ../shared/photos) into {@code tmp}/photos; returns that folder. */
    static Path copyOf(Path tmp, String... relative) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("photos"));
        for (String r : relative) {
            Files.copy(shared().resolve("photos").resolve(r), dir.resolve(Path.of(r).getFileName()));
        }
        return dir;
    }

    static Cli.Run scan(Path photos, Path lib, String... more) {
        List<String> args = new ArrayList<>(List.of("scan", photos.toString(), "--library", lib.toString(), "--models",
                shared().resolve("models").toString(), "--embedding-model", "mobilefacenet", "--threads", "1"));
        args.addAll(List.of(more));
        return facet(args.toArray(String[]::new));
    }

    static Catalog catalog(Path lib) {
        return Catalog.open(new LibraryLocation(lib));
    }

    static List<Face> faces(Catalog catalog) throws Exception {
        List<Face> out = new ArrayList<>();
        try (Connection c = catalog.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT f.id, f.x, f.y, f.w, f.h, "
                + "pe.name, f.assigned_by, f.metadata_source, f.detector FROM face_crops f LEFT JOIN persons pe ON pe.id = f.person_id "
                + "JOIN photos p ON p.id = f.photo_id ORDER BY p.path, f.x")) {
            while (rs.next()) {
                out.add(new Face(rs.getLong(1), new BoundingBox(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }

    static BoundingBox onlyFace(Catalog catalog, String file) throws Exception {
        List<Face> f = faces(catalog).stream().filter(x -> photoPathUnchecked(catalog, x.id()).endsWith(file)).toList();
        assertThat(f).as(file).hasSize(1);
        return f.get(0).box();
    }

    static String photoPath(Catalog catalog, long faceId) throws Exception {
        try (Connection c = catalog.connect(); var ps = c.prepareStatement("SELECT image_path FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static String photoPathUnchecked(Catalog catalog, long faceId) {
        try {
            return photoPath(catalog, faceId);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<CSVRecord> decisions(Path lib) throws IOException {
        Cli.Run csv = facet("decisions", "--library", lib.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.out()))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(DecisionsCommand.COLUMNS);
            return parser.getRecords();
        }
    }

    static List<Path> sidecars(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".xmp")).toList();
        }
    }

    static List<String> sha256All(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".jpg")).sorted().toList()) {
                out.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    static List<String> regionNames(JsonNode info) {
        List<String> names = new ArrayList<>();
        info.path("RegionInfo").path("RegionList").forEach(r -> names.add(r.path("Name").asText()));
        return names;
    }

    /** @return the stored (not oriented) width and height, as ExifTool reads them */
    static int[] size(Path photo) throws Exception {
        JsonNode j = exifJson("-n", "-ImageWidth", "-ImageHeight", photo.toString());
        return new int[]{j.path("ImageWidth").asInt(), j.path("ImageHeight").asInt()};
    }

    static JsonNode exifJson(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-j"));
        all.addAll(List.of(args));
        return new ObjectMapper().readTree(exif(all.toArray(String[]::new))).get(0);
    }

    static String exif(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("exiftool"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("exiftool " + String.join(" ", args) + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static void assumeExifTool() {
        boolean ok;
        try {
            Process p = new ProcessBuilder("exiftool", "-ver").redirectErrorStream(true).start();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        if (!ok) {
            System.out.println("SKIPPED: exiftool is not on PATH (Debian package libimage-exiftool-perl; .ci/run installs it)");
        }
        Assumptions.assumeTrue(ok, "exiftool is not on PATH");
    }
}
