package app.facet.app.startup;

import app.facet.app.cli.FacetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The installer's class-data training run: the real commands on its own photo, then the app's other classes. */
class ClassDataTrainingTest {
    @TempDir
    Path work;

    @Test
    void runsEachCommandOnTheTrainingPhotoWhichTheScanAnalyses() throws Exception {
        List<Integer> exitCodes = new ArrayList<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = ClassDataTraining.train(work, args -> {
            int code = FacetCommand.run(args);
            exitCodes.add(code);
            return code;
        }, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(exitCodes).hasSize(ClassDataTraining.commands(work, work).size()).containsOnly(0);
        // the photo was decoded and analysed (a photo OpenCV cannot read would be scan_state "failed")
        StringWriter out = new StringWriter();
        var cl = FacetCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.execute("photos", "--library", work.resolve("library").toString(), "--format", "csv");
        assertThat(out.toString()).containsPattern("training-photo\\.jpg,no_faces,0,,640,480,");
    }

    @Test
    void aFailedCommandIsNamedAndFailsTheRunButTheOthersStillRun() throws Exception {
        List<String> ran = new ArrayList<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = ClassDataTraining.train(work, args -> {
            ran.add(args[0]);
            return args[0].equals("photos") ? 2 : 0;
        }, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(2);
        assertThat(ran).containsExactly("--help", "scan", "photos", "faces", "people", "check");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("facet: class-data training: `facet photos --library " + work.resolve("library") + "` exited with 2"
                        + System.lineSeparator());
        assertThat(work.resolve("photos").resolve(ClassDataTraining.PHOTO)).isNotEmptyFile();
    }

    @Test
    void loadsEveryOwnClassIncludingTheDesktopWindowsWithoutInitialisingThem() throws Exception {
        List<String> names = ClassDataTraining.ownClassNames();

        assertThat(names).contains("app.facet.app.FacetMain", "app.facet.app.desktop.FacetApplication",
                ClassDataTraining.class.getName()).allMatch(n -> n.startsWith("app.facet."));
        assertThat(ClassDataTraining.loadOwnClasses()).isEqualTo(names.size());
    }
}
