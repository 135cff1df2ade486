package app.facet.app.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each start-up error as a user meets it, in a real separate process (FacetMain, or ./facet): one sentence on the
 * terminal saying what to install or change, exit code 2, no stack trace there; the trace goes to the log file.
 */
class StartupErrorsTest {
    @TempDir
    Path tmp;

    record Run(int exit, String err, String log) {
    }

    @Test
    void noDisplay() throws Exception {
        Run run = facetMain(Map.of(), List.of(), "ui", "--library", tmp.resolve("lib").toString());
        assertOneSentence(run, "facet: Facet's window needs a graphical desktop, but no display is set");
        assertThat(run.log()).contains("event=desktop_not_started");
    }

    @Test
    void displayThatCannotBeOpened() throws Exception {
        Run run = facetMain(Map.of("DISPLAY", ":97"), List.of(), "ui", "--library", tmp.resolve("lib").toString());
        assertOneSentence(run, "facet: Facet's window cannot open the display :97");
        assertThat(run.log()).contains("event=desktop_start_failed").contains("\tat ");
    }

    @Test
    void noJavaFxRuntime() throws Exception {
        String withoutJavaFx = Arrays.stream(classPath().split(File.pathSeparator))
                .filter(e -> !e.contains("openjfx") && !e.contains("javafx")).collect(Collectors.joining(File.pathSeparator));
        Run run = facetMainWith(withoutJavaFx, Map.of("DISPLAY", ":97"), List.of(), "ui", "--library", tmp.resolve("lib").toString());
        assertOneSentence(run, "facet: Facet's window needs the JavaFX runtime, which is missing from this installation");
    }

    @Test
    void noGtk() throws Exception {
        Path gtk = Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0");
        assumeTrue(Files.exists(gtk) && new ProcessBuilder("unshare", "-m", "true").start().waitFor() == 0
                        && new ProcessBuilder("sh", "-c", "command -v xvfb-run").start().waitFor() == 0,
                "needs GTK 3 to hide, permission for a private mount namespace (unshare -m) and xvfb-run for a display");
        // a real (virtual) display, and GTK 3 hidden from this one process, as on a machine without it
        Run run = facetMain(Map.of(), List.of("xvfb-run", "-a", "unshare", "-m", "sh", "-c",
                "mount --bind /dev/null " + gtk + " && exec \"$@\"", "sh"), "ui", "--library", tmp.resolve("lib").toString());
        assertOneSentence(run, "facet: Facet's window needs GTK 3, which could not be loaded: install it (Debian/Ubuntu: sudo apt-get install libgtk-3-0)");
    }

    @Test
    void unwritableLibraryFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Run ui = facetMain(Map.of("DISPLAY", ":97"), List.of(), "ui", "--library", file.resolve("lib").toString());
        assertOneSentence(ui, "facet: The library folder " + file.resolve("lib") + " cannot be used (" + file + " is a file, not a folder)");
        Run scan = facetMain(Map.of(), List.of(), "scan", tmp.toString(), "--library", file.resolve("lib").toString());
        assertOneSentence(scan, "facet: The library folder " + file.resolve("lib") + " cannot be used");
    }

    @Test
    void javaOlderThan17InTheFacetScript() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("old-java/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path script = Path.of("").toAbsolutePath().getParent().resolve("facet");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toString(), "--help");
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Run run = run(pb);
        assertOneSentence(run, "facet: Facet needs Java 17 or newer, but " + java + " is version 11.0.22: install a JDK 17 or newer");
    }

    private static void assertOneSentence(Run run, String start) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(run.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith(start).endsWith(".");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Run facetMain(Map<String, String> env, List<String> prefix, String... args) throws Exception {
        return facetMainWith(classPath(), env, prefix, args);
    }

    private Run facetMainWith(String classPath, Map<String, String> env, List<String> prefix, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(javaBinary(), "-Xss4m", "-Dfacet.log.dir=" + tmp.resolve("logs"), "-cp", classPath, "app.facet.app.FacetMain"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("FACET_LIBRARY");
        pb.environment().putAll(env);
        return run(pb);
    }

    private Run run(ProcessBuilder pb) throws Exception {
        Path err = tmp.resolve("stderr.txt");
        pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        Path log = tmp.resolve("logs/facet.log");
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), Files.exists(log) ? Files.readString(log) : "");
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
