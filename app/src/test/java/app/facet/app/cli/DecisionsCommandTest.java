package app.facet.app.cli;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.people.PeopleService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static app.facet.app.cli.Cli.facet;
import static app.facet.app.cli.Cli.shared;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code facet scan} counts, and {@code facet decisions} lists, the names whose face was cropped out of a photo by
 * another program (jpegtran), over real photos and a real catalog.
 */
class DecisionsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aNameWhoseFaceWasCroppedAwayIsCountedByTheScanAndListedForReview() throws Exception {
        boolean jpegtran = Files.isExecutable(Path.of("/usr/bin/jpegtran"));
        if (!jpegtran) {
            System.out.println("SKIPPED: jpegtran is not installed; this test crops a photo with it");
        }
        Assumptions.assumeTrue(jpegtran, "jpegtran is not installed");
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        Path two = photos.resolve("two_people.jpg");
        Files.copy(shared().resolve("photos/groups/two_people.jpg"), two);
        Path lib = tmp.resolve("lib");
        String[] scan = {"scan", photos.toString(), "--library", lib.toString(), "--models", shared().resolve("models").toString(),
                "--embedding-model", "mobilefacenet", "--threads", "1"};
        assertThat(facet(scan).exit()).isZero();

        Catalog catalog = Catalog.open(new LibraryLocation(lib));
        List<Long> faces = new ArrayList<>();
        double rightX = 0;
        try (var c = catalog.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT id, x FROM face_crops ORDER BY x")) {
            while (rs.next()) {
                faces.add(rs.getLong(1));
                rightX = rs.getDouble(2);
            }
        }
        assertThat(faces).hasSize(2);
        PeopleService people = new PeopleService(catalog);
        people.assignFaceToNewPerson(faces.get(0), "Barack Obama");
        people.assignFaceToNewPerson(faces.get(1), "Joe Biden");

        // crop the right face away
        Path cropped = tmp.resolve("cropped.jpg");
        Process p = new ProcessBuilder("jpegtran", "-crop", (int) (rightX - 20) + "x661+0+0", "-copy", "all", "-outfile",
                cropped.toString(), two.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        Files.move(cropped, two, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Cli.Run again = facet(scan);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("changed         1", "decisions carried 1", "1 decision needs review");

        Cli.Run csv = facet("decisions", "--library", lib.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.out()))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(DecisionsCommand.COLUMNS);
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("kind")).isEqualTo("person");
            assertThat(rows.get(0).get("person")).isEqualTo("Joe Biden");
            assertThat(rows.get(0).get("state")).isEqualTo("needs_review");
            assertThat(rows.get(0).get("path")).endsWith("two_people.jpg");
            assertThat(Double.parseDouble(rows.get(0).get("x"))).isEqualTo(rightX);
        }
        Cli.Run json = facet("review", "--library", lib.toString(), "--format", "json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"person\" : \"Joe Biden\"", "\"kind\" : \"person\"");
    }
}
