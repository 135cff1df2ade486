package app.facet.core.transfer;

import app.facet.core.editor.EditedBox;
import app.facet.core.editor.FaceEditService;
import app.facet.core.editor.PersonAssignment;
import app.facet.core.editor.ScannedLibrary;
import app.facet.core.people.PeopleService;
import app.facet.core.testing.FileHashes;
import app.facet.model.BoundingBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, lossless export/restore, on real photos scanned by the real pipeline: every kind of user decision (a
 * user's assignment, "not a face", "not this person", a hand-drawn box, the "no faces" decision, a chosen cover) goes
 * through export, a fresh scan of the same photos and restore, in CSV and in JSON; bad files change nothing.
 */
class DecisionRoundTripTest {
    static final String GROUP = "groups/obama_and_biden.jpg";
    static final String PAIR = "groups/two_people.jpg";
    static final String DRAWN_ON = "people/joe_biden/biden.jpg";
    static final String EMPTIED = "edge/obama_small.jpg";
    static final String[] PHOTOS = {GROUP, PAIR, DRAWN_ON, EMPTIED};

    @TempDir
    Path dir;

    @Test
    void everyDecisionKindSurvivesExportFreshScanAndRestoreInCsvAndJson() throws Exception {
        Map<String, String> want;
        Path csv = dir.resolve("decisions.csv");
        Path json = dir.resolve("decisions.json");
        try (ScannedLibrary a = ScannedLibrary.scan(dir.resolve("a"), PHOTOS)) {
            decide(a);
            want = decisions(a);
            AssignmentExport export = new AssignmentExporter(a.catalog).export();
            try (Writer w = Files.newBufferedWriter(csv)) {
                AssignmentFiles.write(export, AssignmentFormat.CSV, w);
            }
            try (Writer w = Files.newBufferedWriter(json)) {
                AssignmentFiles.write(export, AssignmentFormat.JSON, w);
            }
        }
        assertThat(want.values()).anyMatch(d -> d.contains("Barack by user")).anyMatch(d -> d.contains("not-a-face"))
                .anyMatch(d -> d.contains("not:Barack")).anyMatch(d -> d.contains("manual")).anyMatch(d -> d.contains("cover"))
                .anyMatch(d -> d.contains("no faces by the user"));

        for (Path file : List.of(csv, json)) {
            try (ScannedLibrary fresh = ScannedLibrary.scan(dir.resolve("fresh-" + file.getFileName()), PHOTOS)) {
                assertThat(decisions(fresh)).as("a fresh scan has no decisions").isEmpty();

                RestoreReport report = new AssignmentRestorer(fresh.catalog, new FaceEditService(fresh.catalog, fresh.analyzer))
                        .restore(file, false);

                assertThat(report.unmatched()).as(file.getFileName().toString()).isEmpty();
                assertThat(decisions(fresh)).as(file.getFileName().toString()).isEqualTo(want);
                assertThat(fresh.number("SELECT count(*) FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path = ?",
                        fresh.photo(EMPTIED).toString())).as("the no-faces photo's detections are gone").isZero();
                assertThat(fresh.text("SELECT embedding IS NOT NULL AND crop_path IS NOT NULL FROM face_crops"
                        + " WHERE detector = 'manual'")).as("the drawn box was cut and embedded").isEqualTo("1");
            }
        }
    }

    @Test
    void aFileGivingOneFaceTwoPersonsIsRefusedWholeAndChangesNothing() throws Exception {
        try (ScannedLibrary lib = ScannedLibrary.scan(dir.resolve("a"), PAIR)) {
            List<Long> faces = lib.faceIds(PAIR);
            PeopleService people = new PeopleService(lib.catalog);
            people.assignFaceToNewPerson(faces.get(0), "Barack");
            Path file = dir.resolve("export.csv");
            try (Writer w = Files.newBufferedWriter(file)) {
                AssignmentFiles.write(new AssignmentExporter(lib.catalog).export(), AssignmentFormat.CSV, w);
            }
            List<String> lines = Files.readAllLines(file);
            String row = lines.stream().filter(l -> l.contains(",Barack,user,")).findFirst().orElseThrow();
            Files.writeString(file, String.join("\n", lines) + "\n" + row.replace(",Barack,user,", ",Joe,user,") + "\n");
            Map<String, String> before = FileHashes.of(lib.catalog.location().root());

            assertThatThrownBy(() -> new AssignmentRestorer(lib.catalog).restore(file, false))
                    .isInstanceOf(RestoreInputException.class)
                    .hasMessageContaining("gives one face two persons").hasMessageContaining(lib.photo(PAIR).toString())
                    .hasMessageContaining("\"Barack\"").hasMessageContaining("\"Joe\"").hasMessageContaining("nothing was applied");

            assertThat(FileHashes.of(lib.catalog.location().root())).isEqualTo(before);
        }
    }

    @Test
    void restoreRefusesNamesTheNameRuleRefusesAndChangesNothing() throws Exception {
        try (ScannedLibrary lib = ScannedLibrary.scan(dir.resolve("a"), PAIR)) {
            List<Long> faces = lib.faceIds(PAIR);
            new PeopleService(lib.catalog).assignFaceToNewPerson(faces.get(0), "Barack");
            Path good = dir.resolve("export.json");
            try (Writer w = Files.newBufferedWriter(good)) {
                AssignmentFiles.write(new AssignmentExporter(lib.catalog).export(), AssignmentFormat.JSON, w);
            }
            String text = Files.readString(good);
            assertThat(text).contains("\"Barack\"");
            Map<String, String> before = FileHashes.of(lib.catalog.location().root());
            Map<String, String> bad = Map.of(
                    "long", "B".repeat(10_000),
                    "nul", "Bar\\u0000ack",
                    "esc", "Bar\\u001b[31mack",
                    "rlo", "Bar\\u202eack");
            for (Map.Entry<String, String> e : bad.entrySet()) {
                Path file = dir.resolve(e.getKey() + ".json");
                // the person list and the face both carry the name
                Files.writeString(file, text.replace("\"Barack\"", "\"" + e.getValue() + "\""));

                assertThatThrownBy(() -> new AssignmentRestorer(lib.catalog).restore(file, false)).as(e.getKey())
                        .isInstanceOf(RestoreInputException.class).hasMessageContaining("is refused")
                        .hasMessageContaining("nothing was applied");
            }
            assertThat(FileHashes.of(lib.catalog.location().root())).isEqualTo(before);
            assertThat(lib.number("SELECT count(*) FROM persons")).isEqualTo(1);

            // the same rule on the people path: one rule, not two
            PeopleService people = new PeopleService(lib.catalog);
            for (String name : List.of("B".repeat(10_000), "Bar\u0000ack", "Bar\u001b[31mack", "Bar\u202eack")) {
                assertThatThrownBy(() -> people.assignFaceToNewPerson(faces.get(1), name))
                        .isInstanceOf(app.facet.core.people.PeopleException.class).hasMessageContaining("refused");
            }

            // a version 1 file (before hand-drawn boxes and "no faces" were exported) is still read
            Path v1 = dir.resolve("v1.json");
            Files.writeString(v1, text.replace("\"version\" : 2", "\"version\" : 1").replaceAll(",\\s*\"manual\" : (true|false)", "")
                    .replaceAll(",\\s*\"no_faces\" : \\[\\s*\\]", ""));
            assertThat(Files.readString(v1)).doesNotContain("manual").doesNotContain("no_faces").contains("\"version\" : 1");
            RestoreReport old = new AssignmentRestorer(lib.catalog).restore(v1, true);
            assertThat(old.unmatched()).isEmpty();
            assertThat(old.matched()).isPositive();
        }
    }

    /** What a user does: names, "not a face", "not this person", a cover, a drawn box, a photo emptied of faces. */
    private static void decide(ScannedLibrary lib) throws SQLException {
        PeopleService people = new PeopleService(lib.catalog);
        FaceEditService editor = new FaceEditService(lib.catalog, lib.analyzer);
        List<Long> group = lib.faceIds(GROUP);
        List<Long> pair = lib.faceIds(PAIR);
        assertThat(group).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pair).hasSize(2);
        people.assignFaceToNewPerson(pair.get(0), "Barack");
        long barack = people.findByName("Barack").orElseThrow().id();
        people.assignFaceToNewPerson(group.get(0), "Barack");
        people.assignFaceToNewPerson(pair.get(1), "Joe");
        people.notThisPerson(pair.get(1), barack);
        people.notAFace(group.get(group.size() - 1));
        people.setCoverFace(barack, group.get(0));
        long drawnOn = lib.photoId(DRAWN_ON);
        editor.save(drawnOn, List.of(EditedBox.add(new BoundingBox(4, 4, 90, 90), PersonAssignment.named("Drawn Person"))));
        editor.deleteFaces(lib.faceIds(EMPTIED));
    }

    /**
     * Every decision, keyed by photo content and the face's rounded box (a fresh scan finds the same boxes in the same
     * files), plus the photos the user emptied of faces.
     */
    static Map<String, String> decisions(ScannedLibrary lib) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = lib.catalog.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT p.content_hash, f.x, f.y, f.w, f.h, pe.name, f.assigned_by, f.not_a_face,"
                    + " pe.cover_face_id IS f.id, f.detector = 'manual',"
                    + " (SELECT group_concat(r.name, '|') FROM (SELECT rp.name FROM face_person_rejections fr JOIN persons rp ON rp.id = fr.person_id"
                    + "  WHERE fr.face_id = f.id ORDER BY rp.name) r)"
                    + " FROM face_crops f JOIN photos p ON p.id = f.photo_id LEFT JOIN persons pe ON pe.id = f.person_id")) {
                while (rs.next()) {
                    String d = (rs.getString(6) == null || "auto".equals(rs.getString(7)) ? "" : rs.getString(6) + " by " + rs.getString(7))
                            + (rs.getBoolean(9) ? " cover" : "") + (rs.getBoolean(8) ? " not-a-face" : "") + (rs.getBoolean(10) ? " manual" : "")
                            + (rs.getString(11) == null ? "" : " not:" + rs.getString(11));
                    if (!d.isEmpty()) {
                        out.put(String.format(Locale.ROOT, "%s@%.0f,%.0f,%.0f,%.0f", rs.getString(1), rs.getDouble(2), rs.getDouble(3),
                                rs.getDouble(4), rs.getDouble(5)), d.strip());
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT content_hash FROM photos WHERE scan_state = 'no_faces' AND no_faces_by_user = 1")) {
                while (rs.next()) {
                    out.put(rs.getString(1), "no faces by the user");
                }
            }
        }
        return out;
    }
}
