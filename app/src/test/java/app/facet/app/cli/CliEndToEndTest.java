package app.facet.app.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The facet command line as a user runs it, over real photos, models and a real catalog file. */
class CliEndToEndTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run facet(String... args) {
        CommandLine cl = FacetCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Path shared() {
        return Path.of(System.getProperty("facet.shared")).toAbsolutePath().normalize();
    }

    @Test
    void scanThenListFacesAndPhotos() throws Exception {
        Path lib = tmp.resolve("lib");
        Path groups = shared().resolve("photos/groups");
        Run scan = facet("scan", groups.toString(), "--library", lib.toString(), "--models", shared().resolve("models").toString(),
                "--embedding-model", "mobilefacenet", "--threads", "2");
        assertThat(scan.exit()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("Scan completed", "photos seen       3", "YuNet", "mobilefacenet");

        Run faces = facet("faces", "--library", lib.toString(), "--format", "csv");
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

        Run photos = facet("photos", "--library", lib.toString(), "--format", "json");
        assertThat(photos.exit()).isZero();
        assertThat(photos.out()).contains("\"scan_state\" : \"done\"", "two_people.jpg");

        Run again = facet("scan", groups.toString(), "--library", lib.toString(), "--models", shared().resolve("models").toString(),
                "--embedding-model", "mobilefacenet");
        assertThat(again.out()).contains("unchanged       3", "analysed          0");
    }

    @Test
    void withoutModelsTheScanUsesTheBuiltInYuNetAndNamesTheCommandThatFetchesTheEmbeddingModel() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-models"));
        Run scan = facet("scan", shared().resolve("photos/people/kit_harington").toString(), "--library", tmp.resolve("lib").toString(),
                "--models", empty.toString());
        assertThat(scan.exit()).as(scan.err()).isZero();
        assertThat(scan.out()).contains("detector          YuNet 2023mar (OpenCV FaceDetectorYN, built in)")
                .contains("faces found       1").contains("embedding model   none: ")
                .contains("People cannot be recognised without an embedding model. To fix it, run once:\n  facet models download --models " + empty + "\n");

        Run withLibraryOnly = facet("scan", shared().resolve("photos/people/kit_harington").toString(), "--library", tmp.resolve("lib2").toString());
        assertThat(withLibraryOnly.out()).contains("  facet models download --library " + tmp.resolve("lib2") + "\n");
    }

    @Test
    void dryRunOnANewLibraryWritesNothing() throws Exception {
        Path lib = tmp.resolve("new/lib");
        Run dry = facet("scan", shared().resolve("photos/groups").toString(), "--library", lib.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run completed (nothing written)", "photos seen       3", "new             3", "would analyse     3");
        assertThat(tmp.resolve("new")).as("no library folder, catalog or managed/ is created").doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void modelsListSaysTheDetectorIsBuiltIn() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-models"));
        Run list = facet("models", "list", "--models", empty.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).containsPattern("yunet-2023mar +detector +built-in").containsPattern("sface-2021dec +embedding +missing");
    }

    @Test
    void errorsAreOneSentenceWithExitCode2() {
        Run missingFolder = facet("scan", tmp.resolve("nope").toString(), "--library", tmp.resolve("lib").toString());
        assertThat(missingFolder.exit()).isEqualTo(2);
        assertThat(missingFolder.err().strip()).startsWith("facet: Folder not found:").doesNotContain("Exception");

        Run noLibrary = facet("faces", "--library", tmp.resolve("none").toString());
        assertThat(noLibrary.exit()).isEqualTo(2);
        assertThat(noLibrary.err()).contains("No Facet library at");

        Run badOption = facet("faces", "--format", "xml", "--library", tmp.toString());
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("--format");
    }

    @Test
    void modelsListShowsWhichVerifiedModelsArePresent() {
        Run list = facet("models", "list", "--models", shared().resolve("models").toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).containsPattern("yunet-2023mar +detector +ready")
                .containsPattern("sface-2021dec +embedding +missing")
                .containsPattern("mobilefacenet +embedding +ready +\\(tests only");
    }
}
