package app.facet.app.cli.people;

import app.facet.app.cli.Cli.Run;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static app.facet.app.cli.Cli.csv;
import static app.facet.app.cli.Cli.facet;
import static app.facet.app.cli.Cli.shared;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code facet people ...} as a user runs it: a real scan of the shared photos into a real catalog, then the people
 * commands through the top-level command line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleCommandTest {
    Path lib;

    @BeforeAll
    void scan(@TempDir Path tmp) {
        lib = tmp.resolve("lib");
        Run scan = facet("scan", shared().resolve("photos").toString(), "--library", lib.toString(),
                "--models", shared().resolve("models").toString(), "--embedding-model", "mobilefacenet", "--threads", "2");
        assertThat(scan.exit()).as(scan.err()).isZero();
    }

    @Test
    @Order(1)
    void recognisingBeforeAnyoneIsNamedSaysWhatToDo() {
        Run r = facet("people", "recognize", "--dry-run", "--library", lib.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Recognition (dry run: nothing written)", "people to compare with         0", "No one is named yet");
    }

    @Test
    @Order(2)
    void clusterNameRecognizeListAndMerge() throws Exception {
        Run cluster = facet("people", "cluster", "--library", lib.toString());
        assertThat(cluster.exit()).as(cluster.err()).isZero();
        assertThat(cluster.out()).containsPattern("Clustered \\d+ unknown faces").containsPattern("cluster +faces +best face ids");
        assertThat(cluster.out().lines().filter(l -> l.matches("1 +\\d+ +[\\d ]+"))).hasSize(1);

        Run name = facet("people", "name", "1", "Alpha", "Person", "--library", lib.toString());
        assertThat(name.exit()).as(name.err()).isZero();
        assertThat(name.out()).contains("Named cluster 1", "\"Alpha Person\" now has");
        Run second = facet("people", "name", "2", "Beta", "--library", lib.toString());
        assertThat(second.exit()).as(second.err()).isZero();

        Run dry = facet("people", "recognize", "--dry-run", "--library", lib.toString());
        Run real = facet("people", "recognize", "--library", lib.toString());
        assertThat(real.exit()).as(real.err()).isZero();
        assertThat(real.out()).contains("Recognition completed", "auto-assigned", "suggested for review", "still unknown");
        assertThat(dry.out()).contains("would be auto-assigned");

        List<CSVRecord> people = csv(facet("people", "list", "--library", lib.toString()).out());
        assertThat(people).extracting(r -> r.get("name")).containsExactly("Alpha Person", "Beta");
        int alphaFaces = Integer.parseInt(people.get(0).get("faces"));
        int betaFaces = Integer.parseInt(people.get(1).get("faces"));

        Run merge = facet("people", "merge", "alpha person", people.get(1).get("person_id"), "--library", lib.toString());
        assertThat(merge.exit()).as(merge.err()).isZero();
        assertThat(merge.out()).contains("Merged \"Beta\" into \"Alpha Person\"", (alphaFaces + betaFaces) + " faces");
        assertThat(csv(facet("people", "list", "--library", lib.toString()).out())).extracting(r -> r.get("name"))
                .containsExactly("Alpha Person");
    }

    @Test
    @Order(3)
    void mistakesAreOneSentenceAndExitCode2() {
        Run noCluster = facet("people", "name", "999", "Nobody", "--library", lib.toString());
        assertThat(noCluster.exit()).isEqualTo(2);
        assertThat(noCluster.err().strip()).startsWith("facet: There is no cluster 999").doesNotContain("Exception").hasLineCount(1);

        Run noPerson = facet("people", "merge", "Zed", "Yan", "--library", lib.toString());
        assertThat(noPerson.exit()).isEqualTo(2);
        assertThat(noPerson.err().strip()).isEqualTo("facet: No person is named or numbered \"Zed\" (see `facet people list`).");

        Run blank = facet("people", "name", "1", " ", "--library", lib.toString());
        assertThat(blank.exit()).isEqualTo(2);
        assertThat(blank.err().strip()).hasLineCount(1);

        Run noLibrary = facet("people", "list", "--library", lib.resolveSibling("missing").toString());
        assertThat(noLibrary.exit()).isEqualTo(2);
        assertThat(noLibrary.err()).contains("No Facet library at");
    }
}
