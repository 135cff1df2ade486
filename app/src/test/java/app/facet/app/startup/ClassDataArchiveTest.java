package app.facet.app.startup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** ./facet keeps a command's class-data archive only when the app marked the run that wrote it as full. */
class ClassDataArchiveTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(ClassDataArchive.PROPERTY);
    }

    @Test
    void aSuccessfulRunMarksItsArchive() {
        Path marker = marker();
        ClassDataArchive.finish(new String[]{"photos", "--library", "lib"}, 0);
        assertThat(marker).exists();
    }

    @Test
    void aFailedRunDoesNot() {
        Path marker = marker();
        ClassDataArchive.finish(new String[]{"photos", "--library", "lib"}, 2);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCommandsHelpDoesNotButTheHelpCommandItselfDoes() {
        Path marker = marker();
        ClassDataArchive.finish(new String[]{"photos", "--help"}, 0);
        ClassDataArchive.finish(new String[]{"scan", "-V"}, 0);
        assertThat(marker).doesNotExist();
        ClassDataArchive.finish(new String[]{"--help"}, 0);
        assertThat(marker).exists();
    }

    @Test
    void aRunThatWritesNoArchiveWritesNoMarker() {
        ClassDataArchive.finish(new String[]{"photos"}, 0);
        assertThat(dir).isEmptyDirectory();
    }

    private Path marker() {
        Path marker = dir.resolve("photos-key.jsa.123.ok");
        System.setProperty(ClassDataArchive.PROPERTY, marker.toString());
        return marker;
    }
}
