package app.facet.app.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.facet.app.cli.Cli.facet;
import static app.facet.app.cli.Cli.shared;
import static org.assertj.core.api.Assertions.assertThat;

/** The facet command line as a user runs it, over real photos, models and a real catalog file. */
class CliEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void scanThenListFacesAndPhotos() throws Exception {
        Path lib = tmp.resolve("lib");
        Path groups = shared().resolve("photos/groups");
        Cli.Run scan = facet("scan", groups.toString(), "--library", lib.toString(), "--models", shared().resolve("models").toString(),
                "--embedding-model", "mobilefacenet", "--threads", "2");
        assertThat(scan.exit()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("Scan completed", "photos seen       3", "YuNet", "mobilefacenet");

        Cli.Run faces = facet("faces", "--library", lib.toString(), "--format", "csv");
        assertThat(faces.exit()).isZero();
        List<CSVRecord> rows;
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(faces.out()))) {
            assertThat(p.getHeaderNames()).startsWith("face_id", "photo_path", "x", "y", "w", "h", "score", "quality", "person",
                    "assigned_by", "status", "reason");
            rows = p.getRecords();
        }
        // two_people: 2, kit_with_rose: 2, obama_and_biden: 3..4 (labels.csv)
        assertThat(rows.size()).isBetween(7, 8);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("photo_path")).startsWith(groups.toString());
            assertThat(Double.parseDouble(r.get("w"))).isPositive();
            assertThat(Double.parseDouble(r.get("score"))).isBetween(0.0, 1.0);
            assertThat(r.get("assigned_by")).isEqualTo("none");
            assertThat(r.get("status")).isEqualTo("valid");
        });

        Cli.Run photos = facet("photos", "--library", lib.toString(), "--format", "json");
        assertThat(photos.exit()).isZero();
        assertThat(photos.out()).contains("\"scan_state\" : \"done\"", "two_people.jpg");

        Cli.Run again = facet("scan", groups.toString(), "--library", lib.toString(), "--models", shared().resolve("models").toString(),
                "--embedding-model", "mobilefacenet");
        assertThat(again.out()).contains("unchanged       3", "analysed          0");
    }

    @Test
    void withoutModelsTheScanUsesTheBuiltInYuNetAndNamesTheCommandThatFetchesTheEmbeddingModel() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-models"));
        Cli.Run scan = facet("scan", shared().resolve("photos/people/kit_harington").toString(), "--library", tmp.resolve("lib").toString(),
                "--models", empty.toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("detector          YuNet 2023mar (OpenCV DNN, built in)")
                .contains("faces found       1").contains("embedding model   none: ")
                .contains("People cannot be recognised without an embedding model. To fix it, run once:\n  facet models download --models " + empty + "\n");

        Cli.Run withLibraryOnly = facet("scan", shared().resolve("photos/people/kit_harington").toString(), "--library", tmp.resolve("lib2").toString());
        assertThat(withLibraryOnly.out()).contains("  facet models download --library " + tmp.resolve("lib2") + "\n");
    }

    @Test
    void dryRunOnANewLibraryWritesNothing() throws Exception {
        Path lib = tmp.resolve("new/lib");
        Cli.Run dry = facet("scan", shared().resolve("photos/groups").toString(), "--library", lib.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run completed (nothing written)", "photos seen       3", "new             3", "would analyse     3");
        assertThat(tmp.resolve("new")).as("no library folder, catalog or managed/ is created").doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void dryRunOnAnExistingLibraryLeavesTheCatalogByteIdentical() throws Exception {
        Path lib = tmp.resolve("lib");
        String folder = shared().resolve("photos/people/kit_harington").toString();
        Cli.Run scan = facet("scan", folder, "--library", lib.toString(), "--models", shared().resolve("models").toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        byte[] before = Files.readAllBytes(lib.resolve("catalog.sqlite"));

        Cli.Run dry = facet("scan", shared().resolve("photos/groups").toString(), "--library", lib.toString(), "--dry-run",
                "--models", shared().resolve("models").toString());

        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run completed (nothing written)");
        assertThat(Files.readAllBytes(lib.resolve("catalog.sqlite"))).as("the catalog file is not written").isEqualTo(before);
        assertThat(lib.resolve("catalog.sqlite-wal")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyFile());
    }

    @Test
    void modelsListSaysTheDetectorIsBuiltIn() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-models"));
        Cli.Run list = facet("models", "list", "--models", empty.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).containsPattern("yunet-2023mar +detector +built-in").containsPattern("sface-2021dec +embedding +missing");
    }

    @Test
    void errorsAreOneSentenceWithExitCode2() {
        Cli.Run missingFolder = facet("scan", tmp.resolve("nope").toString(), "--library", tmp.resolve("lib").toString());
        assertThat(missingFolder.exit()).isEqualTo(2);
        assertThat(missingFolder.err().strip()).startsWith("facet: Folder not found:").doesNotContain("Exception");

        Cli.Run noLibrary = facet("faces", "--library", tmp.resolve("none").toString());
        assertThat(noLibrary.exit()).isEqualTo(2);
        assertThat(noLibrary.err()).contains("No Facet library at");

        Cli.Run badOption = facet("faces", "--format", "xml", "--library", tmp.toString());
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("--format");
    }

    @Test
    void modelsListShowsWhichVerifiedModelsArePresent() {
        Cli.Run list = facet("models", "list", "--models", shared().resolve("models").toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).containsPattern("yunet-2023mar +detector +ready")
                .containsPattern("sface-2021dec +embedding +missing")
                .containsPattern("mobilefacenet +embedding +ready +\\(tests only");
    }
}
