package app.facet.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line loads its face models through core's {@code FacetLibrary}: in a JVM of its own, as {@code ./facet}
 * starts it, but with thread stacks far below the JVM's 1 MB default. Loading an ONNX Runtime session on such a stack
 * used to kill the JVM with SIGSEGV (exit 139, no error report), which is why {@code ./facet} passed {@code -Xss4m};
 * core now loads models on a large-stack thread of its own.
 */
class CliModelLoadingTest {
    @TempDir
    Path tmp;

    @Test
    void scanLoadsModelsWithASmallThreadStackAndCachesTheirHashes() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models"));
        for (String file : List.of("face_detection_yunet_2023mar.onnx", "mobilefacenet.onnx")) {
            Files.copy(Cli.shared().resolve("models").resolve(file), models.resolve(file));
        }
        Path output = tmp.resolve("out.txt");
        Process facet = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss384k",
                "-cp", System.getProperty("java.class.path"), "app.facet.app.FacetMain",
                "scan", Cli.shared().resolve("photos/groups").toString(), "--library", tmp.resolve("lib").toString(),
                "--models", models.toString(), "--embedding-model", "mobilefacenet", "--threads", "2")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = facet.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            facet.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(finished).as(out).isTrue();
        assertThat(facet.exitValue()).as(out).isZero();
        assertThat(out).contains("Scan completed", "photos seen       3", "embedding model   mobilefacenet");
        assertThat(models.resolve(".sha256-cache.json")).as("model hashes cached for the next run")
                .content().contains("mobilefacenet.onnx", "face_detection_yunet_2023mar.onnx");
    }
}
