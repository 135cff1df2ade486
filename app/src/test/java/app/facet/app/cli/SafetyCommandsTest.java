package app.facet.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;

import static app.facet.app.cli.Cli.facet;
import static app.facet.app.cli.Cli.shared;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 through the command line, on a real scan of a shared photo: a catalog of a newer Facet or a zero-byte
 * catalog is refused by every command (one sentence, exit 2, the file unchanged); names reach the terminal escaped.
 */
class SafetyCommandsTest {
    @TempDir
    Path tmp;

    private Path scannedLibrary() throws Exception {
        Path photos = tmp.resolve("photos");
        Files.createDirectories(photos);
        Files.copy(shared().resolve("photos/groups/two_people.jpg"), photos.resolve("two_people.jpg"));
        Path lib = tmp.resolve("lib");
        Cli.Run scan = facet("scan", photos.toString(), "--library", lib.toString(), "--models", shared().resolve("models").toString(),
                "--embedding-model", "mobilefacenet", "--threads", "2");
        assertThat(scan.exit()).as(scan.err()).isZero();
        return lib;
    }

    private static void sql(Path lib, String sql, String... params) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + lib.resolve("catalog.sqlite"));
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aCatalogOfANewerFacetIsRefusedByEveryCommandAndLeftUnchanged() throws Exception {
        Path lib = scannedLibrary();
        sql(lib, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,"
                + " execution_time, success) VALUES (999, '999', 'future', 'SQL', 'V999__future.sql', 0, 'facet 9', 1, 1)");
        Path catalog = lib.resolve("catalog.sqlite");
        String before = sha256(catalog);

        for (String[] args : new String[][]{{"people", "list"}, {"scan", tmp.resolve("photos").toString()}, {"check"}, {"export"},
                {"faces"}, {"photos"}, {"repair"}}) {
            String[] withLib = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--library", lib.toString()))
                    .toArray(String[]::new);
            Cli.Run r = facet(withLib);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("This library was written by a newer Facet (schema v999; this Facet knows up to v")
                    .contains("Update Facet to open it.").doesNotContain("at app.facet");
        }
        assertThat(sha256(catalog)).isEqualTo(before);
    }

    @Test
    void aZeroByteCatalogIsRefusedNotReplaced() throws Exception {
        Path lib = tmp.resolve("zero");
        Files.createDirectories(lib);
        Files.write(lib.resolve("catalog.sqlite"), new byte[0]);

        Cli.Run scan = facet("scan", shared().resolve("photos/groups").toString(), "--library", lib.toString(),
                "--models", shared().resolve("models").toString(), "--embedding-model", "mobilefacenet");
        Cli.Run list = facet("people", "list", "--library", lib.toString());

        assertThat(scan.exit()).as(scan.err()).isEqualTo(2);
        assertThat(scan.err()).contains("is empty (0 bytes)");
        assertThat(list.exit()).isEqualTo(2);
        assertThat(Files.size(lib.resolve("catalog.sqlite"))).isZero();
    }

    @Test
    void namesWithControlCharactersArePrintedEscapedByPeopleList() throws Exception {
        Path lib = scannedLibrary();
        // a name an older Facet stored without the name rule
        sql(lib, "INSERT INTO persons (name) VALUES (?)", "Evil\u001b[2JName\u202e");

        Cli.Run csv = facet("people", "list", "--library", lib.toString());
        Cli.Run json = facet("people", "list", "--format", "json", "--library", lib.toString());

        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).contains("Evil\\x1b[2JName\\u202e").doesNotContain("\u001b").doesNotContain("\u202e");
        assertThat(json.out()).doesNotContain("\u001b").doesNotContain("\u202e").containsIgnoringCase("\\u001b").containsIgnoringCase("\\u202e");
    }

    @Test
    void restoreRefusesOneFaceOnTwoPersonsAndABadNameWithExitTwoChangingNothing() throws Exception {
        Path lib = scannedLibrary();
        Cli.Run name = facet("people", "list", "--library", lib.toString());
        assertThat(name.exit()).isZero();
        Path export = tmp.resolve("export.csv");
        sql(lib, "INSERT INTO persons (name) VALUES ('Barack')");
        sql(lib, "UPDATE face_crops SET person_id = (SELECT id FROM persons WHERE name = 'Barack'), assigned_by = 'user'"
                + " WHERE id = (SELECT min(id) FROM face_crops)");
        Cli.Run exported = facet("export", "--output", export.toString(), "--library", lib.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(export);
        String row = lines.stream().filter(l -> l.contains(",Barack,user,")).findFirst().orElseThrow();
        Path twice = tmp.resolve("twice.csv");
        Files.writeString(twice, String.join("\n", lines) + "\n" + row.replace(",Barack,user,", ",Joe,user,") + "\n");
        Path esc = tmp.resolve("esc.csv");
        Files.writeString(esc, String.join("\n", lines).replace("Barack", "Bar\u001back") + "\n");
        String before = sha256(lib.resolve("catalog.sqlite"));

        Cli.Run r1 = facet("restore", twice.toString(), "--library", lib.toString());
        Cli.Run r2 = facet("restore", esc.toString(), "--library", lib.toString());

        assertThat(r1.exit()).as(r1.err()).isEqualTo(2);
        assertThat(r1.err()).contains("gives one face two persons").contains("\"Barack\"").contains("\"Joe\"").contains("nothing was applied");
        assertThat(r2.exit()).as(r2.err()).isEqualTo(2);
        assertThat(r2.err()).contains("is refused").contains("\\x1b").doesNotContain("\u001b");
        assertThat(sha256(lib.resolve("catalog.sqlite"))).isEqualTo(before);
    }
}
