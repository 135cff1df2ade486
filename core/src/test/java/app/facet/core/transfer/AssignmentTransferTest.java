package app.facet.core.transfer;

import app.facet.core.catalog.CatalogException;
import app.facet.core.testing.FileHashes;
import app.facet.core.testing.LibraryFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Export from a library a user worked in, a fresh scan of the same photos (some moved), restore: every decision is back. */
class AssignmentTransferTest {
    static final String TRICKY = "O'Brien, \"Bob\"; Jr.";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(AssignmentFormat.class)
    void exportFreshScanRestoreReproducesEveryDecision(AssignmentFormat format) throws Exception {
        LibraryFixture named = LibraryFixture.build(dir.resolve("a"));
        named.sql("UPDATE persons SET name = '" + TRICKY.replace("'", "''") + "' WHERE name = 'kit_harington'");
        Path file = dir.resolve("assignments." + format.name().toLowerCase());
        try (Writer w = Files.newBufferedWriter(file)) {
            AssignmentFiles.write(new AssignmentExporter(named.catalog()).export(), format, w);
        }
        // a fresh scan: no decisions, Obama's folder moved, every box 3 px off
        LibraryFixture fresh = LibraryFixture.build(dir.resolve("b"), new LibraryFixture.Options(false,
                rel -> rel.startsWith("people/barack_obama/") ? "archive/2009/" + rel : rel, 3));
        assertThat(decisions(fresh)).isEmpty();
        Map<String, String> before = FileHashes.of(fresh.location().root());

        RestoreReport dry = new AssignmentRestorer(fresh.catalog()).restore(file, true);

        assertThat(FileHashes.of(fresh.location().root())).isEqualTo(before);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.backup()).isNull();

        RestoreReport report = new AssignmentRestorer(fresh.catalog()).restore(file, false);

        assertThat(decisions(fresh)).isEqualTo(decisions(named));
        assertThat(report.unmatched()).isEmpty();
        assertThat(report.matched()).isEqualTo(report.decisions()).isPositive();
        assertThat(report.changes()).hasSameSizeAs(dry.changes());
        assertThat(report.personsCreated()).contains(TRICKY, "barack_obama");
        assertThat(report.backup()).isRegularFile();

        RestoreReport again = new AssignmentRestorer(fresh.catalog()).restore(file, false);
        assertThat(again.changes()).isEmpty();
        assertThat(again.backup()).as("nothing to change: no backup").isNull();
    }

    @Test
    void aUserAssignmentInTheFileWinsAnAutomaticOneDoesNot() throws Exception {
        LibraryFixture named = LibraryFixture.build(dir.resolve("a"));
        AssignmentExport export = new AssignmentExporter(named.catalog()).export();
        LibraryFixture other = LibraryFixture.build(dir.resolve("b"));
        long alex = other.personId("alex_lacamoire");
        // the other library has every face on alex, by hand or automatically
        other.sql("UPDATE face_crops SET person_id = " + alex + ", assigned_by = CASE WHEN id % 2 = 0 THEN 'user' ELSE 'auto' END");
        Path file = dir.resolve("a.json");
        try (Writer w = Files.newBufferedWriter(file)) {
            AssignmentFiles.write(export, AssignmentFormat.JSON, w);
        }

        new AssignmentRestorer(other.catalog()).restore(file, false);

        Map<String, String> want = decisions(named);
        Map<String, String> got = decisions(other);
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (e.getValue().contains("by user")) {
                assertThat(got.get(e.getKey())).isEqualTo(e.getValue());
            } else if (e.getValue().contains("by auto")) {
                assertThat(got.get(e.getKey())).contains("alex_lacamoire");
            }
        }
    }

    @Test
    void malformedOrForeignFilesAreRefusedWithAClearErrorAndNothingIsApplied() throws Exception {
        LibraryFixture named = LibraryFixture.build(dir.resolve("a"));
        LibraryFixture fresh = LibraryFixture.build(dir.resolve("b"), new LibraryFixture.Options(false, rel -> rel, 0));
        Path good = dir.resolve("good.csv");
        try (Writer w = Files.newBufferedWriter(good)) {
            AssignmentFiles.write(new AssignmentExporter(named.catalog()).export(), AssignmentFormat.CSV, w);
        }
        List<String> lines = Files.readAllLines(good);
        String header = lines.get(0);
        String row = lines.stream().filter(l -> l.contains(",user,")).findFirst().orElseThrow();
        Map<String, String> before = FileHashes.of(fresh.location().root());

        assertRefused(fresh, "mood.csv", header + ",mood\n" + row + ",happy\n", "unknown column mood");
        assertRefused(fresh, "lacks.csv", header.replace(",assigned_by", "") + "\n", "lacks the column assigned_by");
        assertRefused(fresh, "x.csv", header + "\n" + replaceField(row, 2, "left") + "\n", "x \"left\" is not a number");
        assertRefused(fresh, "robot.csv", header + "\n" + replaceField(row, 7, "robot") + "\n", "assigned_by \"robot\"");
        assertRefused(fresh, "relative.csv", header + "\n" + replaceField(row, 0, "photos/a.jpg") + "\n", "not an absolute, normalised path");
        assertRefused(fresh, "managed.csv", header + "\n" + replaceField(replaceField(row, 0,
                fresh.location().cropsDir().resolve("x.jpg").toString()), 1, "") + "\n", "inside the library's managed folder");
        assertRefused(fresh, "outside.csv", header + "\n" + replaceField(replaceField(row, 0, "/somewhere/else/a.jpg"), 1, "") + "\n",
                "outside the library's photo folders");
        assertRefused(fresh, "quote.csv", header + "\n\"unclosed," + row + "\n", "not a valid CSV file");
        assertRefused(fresh, "cut.json", "{\"format\": \"facet-assignments\", \"version\": 1, \"faces\": [", "not valid JSON");
        assertRefused(fresh, "field.json", "{\"format\": \"facet-assignments\", \"version\": 1, \"exported_at\": null, \"persons\": [],"
                + " \"faces\": [], \"mood\": 1}", "unknown field \"mood\"");
        assertRefused(fresh, "missing.json", "{\"format\": \"facet-assignments\", \"version\": 1, \"persons\": [], \"faces\": []}",
                "not a Facet export");
        Path binary = dir.resolve("photo.csv");
        Files.copy(named.photo("people/rose_leslie/rose1.jpg").path(), binary);
        assertThatThrownBy(() -> new AssignmentRestorer(fresh.catalog()).restore(binary, false)).isInstanceOf(RestoreInputException.class);

        assertThat(FileHashes.of(fresh.location().root())).isEqualTo(before);
    }

    @Test
    void aFailureMidwayAppliesNothing() throws Exception {
        LibraryFixture named = LibraryFixture.build(dir.resolve("a"));
        LibraryFixture fresh = LibraryFixture.build(dir.resolve("b"), new LibraryFixture.Options(false, rel -> rel, 0));
        Path file = dir.resolve("a.json");
        try (Writer w = Files.newBufferedWriter(file)) {
            AssignmentFiles.write(new AssignmentExporter(named.catalog()).export(), AssignmentFormat.JSON, w);
        }
        // "not a face" is written after most assignments: make it fail there
        fresh.sql("CREATE TRIGGER refuse BEFORE UPDATE OF not_a_face ON face_crops BEGIN SELECT RAISE(ABORT, 'disk full'); END");

        assertThatThrownBy(() -> new AssignmentRestorer(fresh.catalog()).restore(file, false))
                .isInstanceOf(CatalogException.class).hasMessageContaining("nothing was applied");

        assertThat(decisions(fresh)).isEmpty();
        assertThat(fresh.queryLong("SELECT count(*) FROM persons")).isZero();
    }

    private static void assertRefused(LibraryFixture fx, String name, String content, String message) throws IOException {
        Path f = fx.workDir().resolve(name);
        Files.writeString(f, content);
        assertThatThrownBy(() -> new AssignmentRestorer(fx.catalog()).restore(f, false))
                .isInstanceOf(RestoreInputException.class).hasMessageContaining(message).hasMessageContaining(name);
    }

    /** Replaces the {@code index}-th comma-separated field (the fields involved hold no commas). */
    private static String replaceField(String csvRow, int index, String value) {
        List<String> fields = new ArrayList<>(List.of(csvRow.split(",", -1)));
        fields.set(index, value);
        return String.join(",", fields);
    }

    /**
     * Every decision in a library, keyed by photo content and the face's place among its photo's faces (rows are
     * written in the same order by the fixture, whatever the path or the box jitter).
     */
    static Map<String, String> decisions(LibraryFixture fx) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        Map<String, Integer> index = new HashMap<>();
        try (Connection c = fx.catalog().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT p.content_hash, f.id, pe.name, f.assigned_by, f.not_a_face, pe.hidden, pe.cover_face_id IS f.id,"
                        + " (SELECT group_concat(r.name, '|') FROM (SELECT rp.name FROM face_person_rejections fr JOIN persons rp ON rp.id = fr.person_id"
                        + "  WHERE fr.face_id = f.id ORDER BY rp.name) r)"
                        + " FROM face_crops f JOIN photos p ON p.id = f.photo_id LEFT JOIN persons pe ON pe.id = f.person_id ORDER BY p.content_hash, f.id")) {
            while (rs.next()) {
                int k = index.merge(rs.getString(1), 1, Integer::sum);
                String d = (rs.getString(3) == null ? "" : rs.getString(3) + " by " + rs.getString(4) + (rs.getBoolean(6) ? " hidden" : "")
                        + (rs.getBoolean(7) ? " cover" : "")) + (rs.getBoolean(5) ? " not-a-face" : "")
                        + (rs.getString(8) == null ? "" : " not:" + rs.getString(8));
                if (!d.isEmpty()) {
                    out.put(rs.getString(1) + "#" + k, d);
                }
            }
        }
        return out;
    }
}
