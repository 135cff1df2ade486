package app.facet.app.cli;

import app.facet.core.catalog.Catalog;
import app.facet.core.people.PeopleService;
import app.facet.model.BoundingBox;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static app.facet.app.cli.Cli.facet;
import static app.facet.app.cli.Cli.shared;
import static app.facet.app.cli.MetadataFacesCliTest.assumeExifTool;
import static app.facet.app.cli.MetadataFacesCliTest.catalog;
import static app.facet.app.cli.MetadataFacesCliTest.copyOf;
import static app.facet.app.cli.MetadataFacesCliTest.decisions;
import static app.facet.app.cli.MetadataFacesCliTest.exif;
import static app.facet.app.cli.MetadataFacesCliTest.exifJson;
import static app.facet.app.cli.MetadataFacesCliTest.mwg;
import static app.facet.app.cli.MetadataFacesCliTest.onlyFace;
import static app.facet.app.cli.MetadataFacesCliTest.regionNames;
import static app.facet.app.cli.MetadataFacesCliTest.scan;
import static app.facet.app.cli.MetadataFacesCliTest.size;
import static app.facet.app.cli.MetadataFacesCliTest.storedFractions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's decisions against face regions read again, end to end through the CLI over real photos, a real catalog
 * and sidecars written by ExifTool (the independent witness): a deleted face stays deleted and is not written back, a
 * name that came from a sidecar follows the sidecar while a name typed in Facet never does, and the scan says what the
 * regions did.
 */
class MetadataDecisionsCliTest {
    @TempDir
    Path tmp;

    /** A face row with its provenance. @param box oriented pixels */
    record Row(long id, String file, BoundingBox box, String person, String assignedBy, String source, String sourceName) {
    }

    @Test
    void aFaceTheUserDeletedStaysDeletedWhenItsRegionIsReadAgainAndIsNotWrittenBack() throws Exception {
        assumeExifTool();
        // two faces: deleting one leaves the photo with faces (deleting the last would be the photo's "no faces")
        Path photos = copyOf(tmp, "groups/two_people.jpg", "people/joe_biden/biden.jpg");
        Path photo = photos.resolve("two_people.jpg"), sidecar = photos.resolve("two_people.jpg.xmp");
        Path lib = tmp.resolve("lib");
        assertThat(scan(photos, lib).exit()).isZero();
        Catalog catalog = catalog(lib);
        List<Row> before = of(rows(catalog), "two_people.jpg");
        assertThat(before).hasSize(2);
        BoundingBox box = before.get(0).box();

        // another program names the face in a sidecar; the next scan takes the name
        int[] s = size(photo);
        exif("-o", sidecar.toString(), "-XMP-mwg-rs:RegionInfo=" + mwg(s[0], s[1], storedFractions(box, s, 1), "Ada"), photo.toString());
        Cli.Run named = scan(photos, lib);
        assertThat(named.out()).containsPattern("region names +1\n");
        Row ada = of(rows(catalog), "two_people.jpg").get(0);
        assertThat(ada.person()).isEqualTo("Ada");
        assertThat(ada.box().iou(box)).isGreaterThan(0.8);

        // the user deletes the face
        Cli.Run remove = facet("faces", "remove", Long.toString(ada.id()), "--library", lib.toString());
        assertThat(remove.exit()).as(remove.err()).isZero();
        assertThat(deletedIsBack(catalog, box)).isFalse();

        // another program touches the sidecar (a keyword): the photo is analysed again, its region read again
        exif("-overwrite_original", "-XMP-dc:Subject=holiday", sidecar.toString());
        Cli.Run again = scan(photos, lib);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("changed         1").containsPattern("deletions kept +2\n")
                .containsPattern("region conflicts +1\n").containsPattern("region names +0\n");
        assertThat(deletedIsBack(catalog, box)).as("neither the detection nor the region brings the face back").isFalse();
        assertThat(of(rows(catalog), "two_people.jpg")).as("the other face stays").hasSize(1);
        List<CSVRecord> review = decisions(lib);
        assertThat(review).extracting(r -> r.get("kind") + " " + r.get("code") + " " + r.get("person"))
                .containsExactly("metadata_conflict deleted_in_facet Ada");
        assertThat(review.get(0).get("reason")).contains("named 'Ada'", "deleted in Facet");

        // a content edit of the photo itself (a tag written into it): still deleted
        exif("-overwrite_original", "-EXIF:Artist=Somebody", photo.toString());
        assertThat(scan(photos, lib).exit()).isZero();
        assertThat(deletedIsBack(catalog, box)).isFalse();

        // names written to sidecars: the deleted face's region is not written back, it is taken out
        Cli.Run write = facet("metadata", "write", "--library", lib.toString());
        assertThat(write.exit()).as(write.err() + write.out()).isZero();
        JsonNode info = exifJson("-struct", "-XMP-mwg-rs:RegionInfo", "-XMP-iptcExt:PersonInImage", "-XMP-dc:Subject", sidecar.toString());
        assertThat(regionNames(info)).doesNotContain("Ada");
        assertThat(info.path("PersonInImage").toString()).doesNotContain("Ada");
        assertThat(info.path("Subject").toString()).as("the rest of the sidecar is kept").contains("holiday");
        assertThat(scan(photos, lib).exit()).isZero();
        assertThat(deletedIsBack(catalog, box)).isFalse();
    }

    @Test
    void renamingHidingAndDeletingAPersonInFacetReachesTheSidecarsOnTheNextWrite() throws Exception {
        Path lib = tmp.resolve("lib");
        Path photos = scannedPair(lib);
        Catalog catalog = catalog(lib);
        PeopleService people = new PeopleService(catalog);
        Row obama = only(rows(catalog), "obama.jpg").orElseThrow(), biden = only(rows(catalog), "biden.jpg").orElseThrow();
        people.assignFaceToNewPerson(obama.id(), "Ada");
        people.assignFaceToNewPerson(biden.id(), "Bea");
        assertThat(facet("metadata", "write", "--library", lib.toString()).exit()).isZero();
        assertThat(sidecarNames(photos.resolve("obama.jpg.xmp"))).containsExactly("Ada");

        long ada = people.findByName("Ada").orElseThrow().id(), bea = people.findByName("Bea").orElseThrow().id();
        people.rename(ada, "Ada Lovelace");
        assertThat(facet("metadata", "write", "--library", lib.toString()).exit()).isZero();
        assertThat(sidecarNames(photos.resolve("obama.jpg.xmp"))).containsExactly("Ada Lovelace");

        people.hidePerson(ada, true);
        people.deletePerson(bea);
        Cli.Run write = facet("metadata", "write", "--library", lib.toString());
        assertThat(write.exit()).as(write.err() + write.out()).isZero();
        assertThat(sidecarNames(photos.resolve("obama.jpg.xmp"))).as("a hidden person's name is not written").isEmpty();
        assertThat(sidecarNames(photos.resolve("biden.jpg.xmp"))).as("a deleted person's name is taken out").isEmpty();
    }

    @Test
    void aNameThatCameFromASidecarFollowsItButANameTypedInFacetNeverDoes() throws Exception {
        Path lib = tmp.resolve("lib");
        Path photos = scannedPair(lib);
        Path obamaPhoto = photos.resolve("obama.jpg"), bidenPhoto = photos.resolve("biden.jpg");
        Catalog catalog = catalog(lib);
        BoundingBox obama = onlyFace(catalog, "obama.jpg"), biden = onlyFace(catalog, "biden.jpg");
        int[] o = size(obamaPhoto), b = size(bidenPhoto);
        sidecar(obamaPhoto, o, obama, "Ada");
        assertThat(scan(photos, lib).exit()).isZero();
        Row ada = only(rows(catalog), "obama.jpg").orElseThrow();
        assertThat(ada.person()).isEqualTo("Ada");
        assertThat(ada.source()).startsWith("sidecar obama.jpg.xmp ");
        assertThat(ada.sourceName()).isEqualTo("Ada");
        // the user types a name in Facet for the other face
        new PeopleService(catalog).assignFaceToNewPerson(only(rows(catalog), "biden.jpg").orElseThrow().id(), "Bea");

        // a content edit of the photo: the face row is replaced, where its name came from is carried
        exif("-overwrite_original", "-EXIF:Artist=Somebody", obamaPhoto.toString());
        assertThat(scan(photos, lib).exit()).isZero();
        Row carried = only(rows(catalog), "obama.jpg").orElseThrow();
        assertThat(carried.person()).isEqualTo("Ada");
        assertThat(carried.source()).isEqualTo(ada.source());
        assertThat(carried.sourceName()).isEqualTo("Ada");

        // another program changes both names in the sidecars
        sidecar(obamaPhoto, o, obama, "Ada Lovelace");
        sidecar(bidenPhoto, b, biden, "Somebody Else");
        Cli.Run run = scan(photos, lib);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("region names +1\n").containsPattern("changed there +1\n")
                .containsPattern("region conflicts +1\n").contains("1 face region kept for review");
        Row renamed = only(rows(catalog), "obama.jpg").orElseThrow();
        assertThat(renamed.person()).as("the sidecar's own name, changed there").isEqualTo("Ada Lovelace");
        assertThat(renamed.assignedBy()).isEqualTo("user");
        assertThat(renamed.sourceName()).isEqualTo("Ada Lovelace");
        Row bea = only(rows(catalog), "biden.jpg").orElseThrow();
        assertThat(bea.person()).as("a name typed in Facet is never overwritten").isEqualTo("Bea");
        assertThat(decisions(lib)).extracting(r -> r.get("code") + " " + r.get("person"))
                .containsExactly("named_differently Somebody Else");

        // the user renames the person in Facet: the name is Facet's now, and the sidecar no longer changes it
        PeopleService people = new PeopleService(catalog);
        people.rename(people.findByName("Ada Lovelace").orElseThrow().id(), "Augusta Ada");
        sidecar(obamaPhoto, o, obama, "Ada King");
        assertThat(scan(photos, lib).exit()).isZero();
        assertThat(only(rows(catalog), "obama.jpg").orElseThrow().person()).isEqualTo("Augusta Ada");
        assertThat(decisions(lib)).extracting(r -> r.get("code") + " " + r.get("person"))
                .contains("named_differently Ada King");
    }

    @Test
    void whereANameCameFromTravelsThroughExportAndRestore() throws Exception {
        Path a = tmp.resolve("libA");
        Path photos = scannedPair(a);
        Path obamaPhoto = photos.resolve("obama.jpg"), bidenPhoto = photos.resolve("biden.jpg");
        Catalog catalogA = catalog(a);
        BoundingBox obama = onlyFace(catalogA, "obama.jpg"), biden = onlyFace(catalogA, "biden.jpg");
        int[] o = size(obamaPhoto), b = size(bidenPhoto);
        sidecar(obamaPhoto, o, obama, "Ada");
        assertThat(scan(photos, a).exit()).isZero();
        new PeopleService(catalogA).assignFaceToNewPerson(only(rows(catalogA), "biden.jpg").orElseThrow().id(), "Bea");
        Row ada = only(rows(catalogA), "obama.jpg").orElseThrow();
        assertThat(ada.source()).startsWith("sidecar obama.jpg.xmp ");

        Path csv = tmp.resolve("export.csv"), json = tmp.resolve("export.json");
        assertThat(facet("export", "--output", csv.toString(), "--library", a.toString()).exit()).isZero();
        assertThat(facet("export", "--output", json.toString(), "--library", a.toString()).exit()).isZero();
        List<CSVRecord> records;
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv))) {
            assertThat(parser.getHeaderNames()).as("columns are added at the end, none renamed or dropped").containsExactly(
                    "photo_path", "content_hash", "x", "y", "w", "h", "person", "assigned_by", "not_a_face", "cover",
                    "person_hidden", "rejected_persons", "manual", "no_faces", "metadata_source", "metadata_name", "deleted",
                    "photo_width", "photo_height");
            records = parser.getRecords();
        }
        CSVRecord adaRow = records.stream().filter(r -> r.get("person").equals("Ada")).findFirst().orElseThrow();
        assertThat(adaRow.get("metadata_source")).isEqualTo(ada.source());
        assertThat(adaRow.get("metadata_name")).isEqualTo("Ada");
        CSVRecord beaRow = records.stream().filter(r -> r.get("person").equals("Bea")).findFirst().orElseThrow();
        assertThat(beaRow.get("metadata_source")).as("a name typed in Facet has no provenance").isEmpty();
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(doc.path("faces").findValuesAsText("metadata_source")).contains(ada.source());

        // library B reads no metadata; the restore brings the names and where they came from
        Path bLib = tmp.resolve("libB");
        assertThat(scan(photos, bLib, "--no-metadata-faces").exit()).isZero();
        Cli.Run restore = facet("restore", csv.toString(), "--library", bLib.toString());
        assertThat(restore.exit()).as(restore.err() + restore.out()).isZero();
        Catalog catalogB = catalog(bLib);
        Row restored = only(rows(catalogB), "obama.jpg").orElseThrow();
        assertThat(restored.person()).isEqualTo("Ada");
        assertThat(restored.source()).isEqualTo(ada.source());
        assertThat(restored.sourceName()).isEqualTo("Ada");
        assertThat(only(rows(catalogB), "biden.jpg").orElseThrow().source()).isNull();

        // so in library B too, the sidecar may change its own name but never the one typed in Facet
        sidecar(obamaPhoto, o, obama, "Ada Lovelace");
        sidecar(bidenPhoto, b, biden, "Somebody Else");
        assertThat(scan(photos, bLib).exit()).isZero();
        assertThat(only(rows(catalogB), "obama.jpg").orElseThrow().person()).isEqualTo("Ada Lovelace");
        assertThat(only(rows(catalogB), "biden.jpg").orElseThrow().person()).isEqualTo("Bea");
    }

    // ---- helpers ----

    /** Writes a sidecar from scratch, as another program would, naming the face at {@code box}. */
    private static void sidecar(Path photo, int[] stored, BoundingBox box, String name) throws Exception {
        Files.deleteIfExists(Path.of(photo + ".xmp"));
        exif("-o", photo + ".xmp", "-XMP-mwg-rs:RegionInfo=" + mwg(stored[0], stored[1], storedFractions(box, stored, 1), name),
                photo.toString());
    }

    private static List<String> sidecarNames(Path sidecar) throws Exception {
        JsonNode info = exifJson("-struct", "-XMP-mwg-rs:RegionInfo", "-XMP-iptcExt:PersonInImage", sidecar.toString());
        List<String> names = new ArrayList<>(regionNames(info));
        info.path("PersonInImage").forEach(n -> names.add("PersonInImage:" + n.asText()));
        return names.stream().filter(n -> !n.startsWith("PersonInImage:")).toList();
    }

    /** Copies the Obama and Biden photos and scans them into {@code lib} (needs ExifTool); returns the photo folder. */
    private Path scannedPair(Path lib) throws IOException {
        assumeExifTool();
        Path photos = copyOf(tmp, "people/barack_obama/obama.jpg", "people/joe_biden/biden.jpg");
        assertThat(scan(photos, lib).exit()).isZero();
        return photos;
    }

    private static List<Row> of(List<Row> rows, String file) {
        return rows.stream().filter(r -> r.file().endsWith(file)).toList();
    }

    /** @return whether a face of two_people.jpg is at the deleted face's place again */
    private static boolean deletedIsBack(Catalog catalog, BoundingBox deleted) throws Exception {
        return of(rows(catalog), "two_people.jpg").stream().anyMatch(r -> r.box().iou(deleted) >= 0.5);
    }

    private static Optional<Row> only(List<Row> rows, String file) {
        List<Row> of = rows.stream().filter(r -> r.file().endsWith(file)).toList();
        assertThat(of.size()).as(file).isLessThanOrEqualTo(1);
        return of.stream().findFirst();
    }

    static List<Row> rows(Catalog catalog) throws Exception {
        List<Row> out = new ArrayList<>();
        try (Connection c = catalog.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT f.id, p.path, f.x, f.y, "
                + "f.w, f.h, pe.name, f.assigned_by, f.metadata_source, f.metadata_name FROM face_crops f "
                + "LEFT JOIN persons pe ON pe.id = f.person_id JOIN photos p ON p.id = f.photo_id ORDER BY p.path, f.x")) {
            while (rs.next()) {
                out.add(new Row(rs.getLong(1), rs.getString(2), new BoundingBox(rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getDouble(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
            }
        }
        return out;
    }
}
