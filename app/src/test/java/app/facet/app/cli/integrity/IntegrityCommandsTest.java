package app.facet.app.cli.integrity;

import app.facet.core.testing.FileHashes;
import app.facet.core.testing.LibraryFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The integrity commands run through picocli on a real library, as a user would type them. */
class IntegrityCommandsTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void checkExitsZeroOnAHealthyLibraryAndOneWithTheProblemsListed() throws Exception {
        LibraryFixture fx = LibraryFixture.build(dir);
        String lib = fx.location().root().toString();

        Run clean = run(new CheckCommand(), "--library", lib);
        assertThat(clean.exit()).isZero();
        assertThat(clean.out()).contains("Full check of").contains("no problem found");
        assertThat(clean.err()).isEmpty();

        fx.dropGuardTriggers();
        fx.sql("UPDATE face_crops SET image_path = crop_path WHERE id IN (SELECT id FROM face_crops ORDER BY id LIMIT 2)");

        Run text = run(new CheckCommand(), "--library", lib, "--quick");
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("Quick check of").contains("6 problems in 2 checks")
                .contains("Faces pointing at a face crop instead of their photo: 2  (face_image_path_is_crop)")
                .contains("fix: Repair re-points");

        Run json = run(new CheckCommand(), "--library", lib, "--json");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("mode").asText()).isEqualTo("full");
        assertThat(report.get("clean").asBoolean()).isFalse();
        assertThat(report.get("problem_count").asLong()).isEqualTo(6);
    }

    @Test
    void aMissingLibraryIsOneSentenceAndExitTwoAndIsNotCreated() {
        Path nowhere = dir.resolve("no-such-library");

        for (Object command : new Object[]{new CheckCommand(), new RepairCommand(), new ExportCommand()}) {
            Run r = run(command, "--library", nowhere.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err().strip()).contains("No Facet library at " + nowhere).doesNotContain("\n").endsWith(".");
            assertThat(r.out()).isEmpty();
        }
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void repairDryRunChangesNotOneByteAndRepairThenLeavesACleanCatalog() throws Exception {
        LibraryFixture fx = LibraryFixture.build(dir);
        String lib = fx.location().root().toString();
        fx.dropGuardTriggers();
        fx.sql("UPDATE face_crops SET image_path = crop_path WHERE id = (SELECT min(id) FROM face_crops)",
                "UPDATE persons SET face_count = 77 WHERE name = 'rose_leslie'");
        Map<String, String> before = FileHashes.of(fx.location().root());

        Run dry = run(new RepairCommand(), "--library", lib, "--dry-run");

        assertThat(FileHashes.of(fx.location().root())).as("catalog, -wal and managed files after a dry run").isEqualTo(before);
        assertThat(dry.exit()).isEqualTo(1);
        assertThat(dry.out()).contains("Dry run: 6 changes would be made; nothing was changed.")
                .contains("[schema_triggers] create missing trigger face_crops_guard_insert")
                .contains("[face_image_path_is_crop] point face").contains("[person_counts_stale] recount person");

        Run repair = run(new RepairCommand(), "--library", lib);

        assertThat(repair.exit()).as(repair.out() + repair.err()).isZero();
        assertThat(repair.out()).contains("Backup of the catalog before the repair: " + fx.location().backupsDir())
                .contains("Applied 6, skipped 0").contains("face_image_path_is_crop               1 -> 0");
        assertThat(run(new CheckCommand(), "--library", lib).exit()).isZero();
        assertThat(run(new RepairCommand(), "--library", lib).out()).contains("Nothing to repair");
    }

    @Test
    void exportThenRestoreOntoAFreshScan() throws Exception {
        LibraryFixture named = LibraryFixture.build(dir.resolve("a"));
        LibraryFixture fresh = LibraryFixture.build(dir.resolve("b"), new LibraryFixture.Options(false, rel -> "moved/" + rel, 2));
        Path json = dir.resolve("people.json");

        Run export = run(new ExportCommand(), "--library", named.location().root().toString(), "--output", json.toString());
        assertThat(export.exit()).isZero();
        assertThat(export.out()).startsWith("Exported 6 persons and " + named.faces().size() + " faces to " + json);
        Run csv = run(new ExportCommand(), "--library", named.location().root().toString());
        assertThat(csv.out()).startsWith("photo_path,content_hash,x,y,w,h,person,assigned_by,not_a_face,cover,person_hidden,rejected_persons");

        String freshLib = fresh.location().root().toString();
        Run dry = run(new RestoreCommand(), "--library", freshLib, json.toString(), "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("would be made, nothing was changed").contains("create person \"barack_obama\"");
        assertThat(fresh.queryLong("SELECT count(*) FROM persons")).isZero();

        Run restore = run(new RestoreCommand(), "--library", freshLib, json.toString());
        assertThat(restore.exit()).isZero();
        assertThat(restore.out()).contains("Restored").contains("0 unmatched").contains("Backup of the catalog before the restore");
        assertThat(fresh.queryLong("SELECT count(*) FROM face_crops WHERE assigned_by = 'user'"))
                .isEqualTo(named.queryLong("SELECT count(*) FROM face_crops WHERE assigned_by = 'user'"));
    }

    @Test
    void anInvalidRestoreFileIsOneSentenceExitTwoAndNothingApplied() throws Exception {
        LibraryFixture fx = LibraryFixture.build(dir, new LibraryFixture.Options(false, rel -> rel, 0));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "photo_path,x,y,w,h,person,assigned_by,mood\n");
        Map<String, String> before = FileHashes.of(fx.location().root());

        Run r = run(new RestoreCommand(), "--library", fx.location().root().toString(), bad.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("The restore file " + bad + " has unknown column mood; expected "
                + "photo_path,content_hash,x,y,w,h,person,assigned_by,not_a_face,cover,person_hidden,rejected_persons,manual,no_faces,metadata_source,metadata_name,deleted,photo_width,photo_height.");
        assertThat(FileHashes.of(fx.location().root())).isEqualTo(before);
        assertThat(run(new ExportCommand(), "--library", fx.location().root().toString(), "--format", "xml").err())
                .startsWith("Unknown format xml: use csv or json.");
    }
}
