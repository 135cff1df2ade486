package app.facet.core.transfer;

import app.facet.core.editor.FaceEditService;
import app.facet.core.editor.ScannedLibrary;
import app.facet.core.people.PeopleService;
import app.facet.core.testing.FileHashes;
import app.facet.model.BoundingBox;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A face the user deleted ({@code face_deletions}) goes through export, a fresh scan of the same photos in a new library
 * and restore, in CSV and JSON, on real photos scanned by the real pipeline (YuNet, mobilefacenet, SQLite): the face the
 * fresh scan found there is removed and stays removed through a re-analysis; a face there that carries a decision of
 * the new library is kept and reported; restoring twice changes nothing the second time; older files are read as before.
 */
class DeletedFaceTransferTest {
    static final String TWO = "groups/two_people.jpg";
    static final String ONE = "people/joe_biden/biden.jpg";
    static final String[] PHOTOS = {TWO, ONE};

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(AssignmentFormat.class)
    void aDeletedFaceIsGoneAgainAfterExportFreshScanAndRestoreAndStaysGone(AssignmentFormat format) throws Exception {
        Path file = dir.resolve("export." + format.name().toLowerCase());
        BoundingBox deleted = exportWithOneDeletedFace(file, format);
        assertThat(AssignmentFiles.read(file).deletedFaces()).singleElement()
                .satisfies(d -> assertThat(new BoundingBox(d.x(), d.y(), d.w(), d.h()).iou(deleted)).isGreaterThan(0.999))
                .satisfies(d -> assertThat(d.photoWidth()).isPositive());

        try (ScannedLibrary b = ScannedLibrary.scan(dir.resolve("b"), PHOTOS)) {
            long photo = b.photoId(TWO);
            assertThat(b.boxes(photo)).as("the fresh scan finds the deleted face").hasSize(2).anyMatch(x -> x.iou(deleted) > 0.9);
            Map<String, String> untouched = FileHashes.of(b.catalog.location().root());

            RestoreReport dry = new AssignmentRestorer(b.catalog).restore(file, true);

            assertThat(FileHashes.of(b.catalog.location().root())).as("a dry run writes nothing").isEqualTo(untouched);
            assertThat(dry.deletions()).isEqualTo(1);
            assertThat(dry.deletionsRecorded()).isEqualTo(1);
            assertThat(dry.deletedFacesRemoved()).isEqualTo(1);

            RestoreReport report = new AssignmentRestorer(b.catalog).restore(file, false);

            assertThat(report.unmatched()).isEmpty();
            assertThat(report.kept()).isEmpty();
            assertThat(report.deletionsRecorded()).isEqualTo(1);
            assertThat(report.deletedFacesRemoved()).isEqualTo(1);
            assertThat(b.boxes(photo)).as("the deleted face is gone, the other stays").hasSize(1).noneMatch(x -> x.iou(deleted) >= 0.5);
            assertThat(b.number("SELECT count(*) FROM face_deletions WHERE photo_id = ?", photo)).isEqualTo(1);
            Path root = b.catalog.location().root();
            assertThat(b.cropFiles()).as("the removed face's crop file went, as a delete's does")
                    .containsExactlyInAnyOrderElementsOf(b.texts("SELECT crop_path FROM face_crops").stream().map(root::resolve).toList());

            RestoreReport twice = new AssignmentRestorer(b.catalog).restore(file, false);

            assertThat(twice.changes()).as("restoring twice adds nothing").isEmpty();
            assertThat(twice.backup()).isNull();
            assertThat(b.number("SELECT count(*) FROM face_deletions WHERE photo_id = ?", photo)).isEqualTo(1);

            // another program writes a tag into the photo: it is analysed again, and the deletion holds
            requireTool("exiftool");
            run("exiftool", "-q", "-overwrite_original", "-EXIF:Artist=Somebody", b.photo(TWO).toString());
            assertThat(b.rescan().photosChanged()).isEqualTo(1);
            assertThat(b.boxes(b.photoId(TWO))).as("a re-analysis does not bring it back").hasSize(1)
                    .noneMatch(x -> x.iou(deleted) >= 0.5);
        }
    }

    @Test
    void aFaceNamedInTheNewLibraryAtADeletedPlaceIsKeptAndReported() throws Exception {
        Path file = dir.resolve("export.json");
        BoundingBox deleted = exportWithOneDeletedFace(file, AssignmentFormat.JSON);
        try (ScannedLibrary b = ScannedLibrary.scan(dir.resolve("b"), PHOTOS)) {
            long photo = b.photoId(TWO);
            long there = faceAt(b, photo, deleted);
            new PeopleService(b.catalog).assignFaceToNewPerson(there, "Ada");
            Map<String, String> untouched = FileHashes.of(b.catalog.location().root());

            RestoreReport dry = new AssignmentRestorer(b.catalog).restore(file, true);

            assertThat(FileHashes.of(b.catalog.location().root())).isEqualTo(untouched);
            assertThat(dry.kept()).singleElement().satisfies(k -> {
                assertThat(k.faceId()).isEqualTo(there);
                assertThat(k.person()).isEqualTo("Ada");
                assertThat(k.photoPath()).isEqualTo(b.photo(TWO).toString());
                assertThat(k.reason()).contains("kept");
            });
            assertThat(dry.deletedFacesRemoved()).isZero();

            RestoreReport report = new AssignmentRestorer(b.catalog).restore(file, false);

            assertThat(report.kept()).extracting(KeptFace::faceId).containsExactly(there);
            assertThat(b.text("SELECT p.name FROM face_crops f JOIN persons p ON p.id = f.person_id WHERE f.id = ?", there))
                    .as("the user's named face is never dropped").isEqualTo("Ada");
            assertThat(b.boxes(photo)).hasSize(2);
            assertThat(b.number("SELECT count(*) FROM face_deletions WHERE photo_id = ?", photo))
                    .as("the deletion is not recorded against the user's decision").isZero();
        }
    }

    @Test
    void filesWithoutTheDeletedColumnsOrFieldAreReadAsBefore() throws Exception {
        Path csv = dir.resolve("export.csv");
        Path json = dir.resolve("export.json");
        AssignmentExport export;
        try (ScannedLibrary a = ScannedLibrary.scan(dir.resolve("a"), PHOTOS)) {
            new PeopleService(a.catalog).assignFaceToNewPerson(a.faceIds(ONE).get(0), "Joe");
            new FaceEditService(a.catalog, a.analyzer).deleteFaces(List.of(a.faceIds(TWO).get(0)));
            export = new AssignmentExporter(a.catalog).export();
        }
        assertThat(export.deletedFaces()).hasSize(1);
        for (AssignmentFormat format : AssignmentFormat.values()) {
            Path f = format == AssignmentFormat.CSV ? csv : json;
            try (Writer w = Files.newBufferedWriter(f)) {
                AssignmentFiles.write(export, format, w);
            }
            assertThat(AssignmentFiles.read(f).deletedFaces()).as(format.name()).isEqualTo(export.deletedFaces());
            assertThat(AssignmentFiles.read(f).faces()).as(format.name()).isEqualTo(export.faces());
        }
        assertThat(Files.readAllLines(csv).get(0)).as("new columns only at the end").endsWith(
                "metadata_source,metadata_name,deleted,photo_width,photo_height");

        // the CSV as written before deletions were exported: without the last three columns and the deleted rows
        List<String> old = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (!line.endsWith(",true," + export.deletedFaces().get(0).photoWidth() + "," + export.deletedFaces().get(0).photoHeight())) {
                old.add(line.substring(0, nthLastComma(line, 3)));
            }
        }
        Path oldCsv = dir.resolve("old.csv");
        Files.write(oldCsv, old);
        AssignmentExport readOld = AssignmentFiles.read(oldCsv);
        assertThat(readOld.faces()).isEqualTo(export.faces());
        assertThat(readOld.deletedFaces()).isEmpty();

        Path oldJson = dir.resolve("old.json");
        Files.writeString(oldJson, Files.readString(json).replaceAll(",\\s*\"deleted_faces\" : \\[[^\\]]*\\]", ""));
        assertThat(Files.readString(oldJson)).doesNotContain("deleted_faces");
        AssignmentExport readOldJson = AssignmentFiles.read(oldJson);
        assertThat(readOldJson.faces()).isEqualTo(export.faces());
        assertThat(readOldJson.deletedFaces()).isEmpty();
    }

    @Test
    void badValuesInDeletedRowsAreListedAndNothingIsApplied() throws Exception {
        Path csv = dir.resolve("bad.csv");
        String header = String.join(",", AssignmentFiles.CSV_COLUMNS);
        String path = dir.resolve("photos/x.jpg").toString();
        Files.writeString(csv, header + "\n"
                + path + ",,10,10,-5,20,,,,,,,,,,,true,640,480\n"
                + path + ",,10,10,20,20,,,,,,,,,,,true,abc,0\n"
                + "relative.jpg,,10,10,20,20,,user,,,,,,,,,true,,\n");

        assertThatThrownBy(() -> AssignmentFiles.read(csv)).isInstanceOfSatisfying(RestoreInputException.class, e -> {
            assertThat(e.getMessage()).contains("nothing was applied");
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("row 2: ").contains("not a box"))
                    .anySatisfy(p -> assertThat(p).startsWith("row 3: ").contains("photo_width \"abc\" is not a whole number"))
                    .anySatisfy(p -> assertThat(p).startsWith("row 3: ").contains("not an image size"))
                    .anySatisfy(p -> assertThat(p).startsWith("row 4: ").contains("not an absolute, normalised path"))
                    .anySatisfy(p -> assertThat(p).startsWith("row 4: ").contains("a deleted row holds"));
        });
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "{\"format\":\"facet-assignments\",\"version\":2,\"exported_at\":null,\"persons\":[],\"faces\":[],"
                + "\"no_faces\":[],\"deleted_faces\":[{\"photo_path\":\"" + path + "\",\"content_hash\":\"xyz\",\"x\":1,\"y\":1,"
                + "\"w\":0,\"h\":3,\"photo_width\":-1,\"photo_height\":10,\"person_name\":\" \",\"metadata_source\":null}]}");
        assertThatThrownBy(() -> AssignmentFiles.read(json)).isInstanceOfSatisfying(RestoreInputException.class, e ->
                assertThat(e.problems()).hasSize(4).allSatisfy(p -> assertThat(p).startsWith("deleted_faces[0]: ")));
    }

    // ---- helpers ----

    /** Library A: scan, delete the left face of the two-person photo, export. @return the deleted face's box */
    private BoundingBox exportWithOneDeletedFace(Path file, AssignmentFormat format) throws Exception {
        try (ScannedLibrary a = ScannedLibrary.scan(dir.resolve("a"), PHOTOS)) {
            long photo = a.photoId(TWO);
            BoundingBox box = a.boxes(photo).get(0);
            long face = faceAt(a, photo, box);
            assertThat(new FaceEditService(a.catalog, a.analyzer).deleteFaces(List.of(face))).isEqualTo(1);
            try (Writer w = Files.newBufferedWriter(file)) {
                AssignmentFiles.write(new AssignmentExporter(a.catalog).export(), format, w);
            }
            return box;
        }
    }

    private static long faceAt(ScannedLibrary lib, long photo, BoundingBox box) throws Exception {
        try (Connection c = lib.catalog.connect();
             PreparedStatement ps = c.prepareStatement("SELECT id, x, y, w, h FROM face_crops WHERE photo_id = ?")) {
            ps.setLong(1, photo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (new BoundingBox(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)).iou(box) > 0.9) {
                        return rs.getLong(1);
                    }
                }
            }
        }
        throw new AssertionError("no face at " + box);
    }

    private static int nthLastComma(String line, int n) {
        int at = line.length();
        for (int i = 0; i < n; i++) {
            at = line.lastIndexOf(',', at - 1);
        }
        return at;
    }

    private static void requireTool(String tool) {
        boolean found = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
        Assumptions.assumeTrue(found, tool + " is not installed");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s timed out", command[0]).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
