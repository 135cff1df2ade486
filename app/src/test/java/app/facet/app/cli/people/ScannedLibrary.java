package app.facet.app.cli.people;

import app.facet.app.cli.Cli;
import app.facet.app.cli.Cli.Run;
import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real catalog of the shared photos, scanned with the test embedding model (mobilefacenet), and the reads a user
 * makes of it to see a correction: {@code facet faces}, {@code facet people list --all}.
 */
final class ScannedLibrary {
    final Path lib;

    private ScannedLibrary(Path lib) {
        this.lib = lib;
    }

    /** Scans {@code ../shared/photos} into a new library under {@code dir}. */
    static ScannedLibrary scan(Path dir) {
        ScannedLibrary library = new ScannedLibrary(dir.resolve("lib"));
        Run scan = library.facet("scan", photos().toString(), "--models", Cli.shared().resolve("models").toString(),
                "--embedding-model", "mobilefacenet", "--threads", "2");
        assertThat(scan.exit()).as(scan.err()).isZero();
        return library;
    }

    static Path photos() {
        return Cli.shared().resolve("photos");
    }

    /** Runs {@code facet args... --library LIB}. */
    Run facet(String... args) {
        return Cli.facet(Stream.concat(Stream.of(args), Stream.of("--library", lib.toString())).toArray(String[]::new));
    }

    /** Runs a command that must fail as a user mistake: exit 2, one sentence on stderr, nothing printed on stdout. */
    Run refused(String... args) {
        Run r = facet(args);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("facet: ").hasLineCount(1).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        return r;
    }

    /** Runs a command that must succeed. */
    Run ok(String... args) {
        Run r = facet(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    /** @return {@code facet faces} rows (extra options, e.g. {@code --person NAME}, appended) */
    List<CSVRecord> faces(String... options) {
        return ok(Stream.concat(Stream.of("faces"), Stream.of(options)).toArray(String[]::new)).csv();
    }

    /** @return {@code facet people list --all} rows */
    List<CSVRecord> people() {
        return ok("people", "list", "--all").csv();
    }

    /** @return the {@code facet people list --all} row of the person named so (exact name) */
    CSVRecord person(String name) {
        return people().stream().filter(r -> r.get("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no person " + name + " in " + people()));
    }

    /** @return the id of the one face on a photo given relative to the shared photos folder */
    String face(String photo) {
        List<String> ids = facesOn(photo);
        assertThat(ids).as("faces on " + photo).hasSize(1);
        return ids.get(0);
    }

    /** @return the ids of the faces on a photo given relative to the shared photos folder */
    List<String> facesOn(String photo) {
        String path = photos().resolve(photo).toString();
        return faces().stream().filter(r -> r.get("photo_path").equals(path)).map(r -> r.get("face_id")).toList();
    }

    /** Everything a user sees of faces and people, to show that a refused command changed nothing. */
    String state() {
        return ok("faces").out() + ok("people", "list", "--all").out() + ok("photos").out();
    }
}
