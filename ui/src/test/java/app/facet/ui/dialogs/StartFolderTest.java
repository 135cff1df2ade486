package app.facet.ui.dialogs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where file dialogs open: the Pictures folder (XDG or ~/Pictures), then the last folder used while it exists. */
class StartFolderTest {
    @TempDir
    Path home;

    @Test
    void picturesFolderFollowsTheXdgUserDirectoryThenPicturesThenHome() throws Exception {
        assertThat(StartFolder.picturesFolder(home)).isEqualTo(home);
        Files.createDirectories(home.resolve("Pictures"));
        assertThat(StartFolder.picturesFolder(home)).isEqualTo(home.resolve("Pictures"));
        Files.createDirectories(home.resolve("Bilder"));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "# written by xdg-user-dirs-update\n"
                + "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\nXDG_PICTURES_DIR=\"$HOME/Bilder\"\n");
        assertThat(StartFolder.picturesFolder(home)).isEqualTo(home.resolve("Bilder"));
    }

    @Test
    void theLastFolderUsedWinsWhileItExists() throws Exception {
        Path pictures = Files.createDirectories(home.resolve("Pictures"));
        StartFolder start = new StartFolder(pictures);
        assertThat(start.initial()).isEqualTo(pictures);
        Path exports = Files.createDirectories(home.resolve("exports"));
        start.used(exports.resolve("facet-people.json")); // a file that does not exist yet: its folder is remembered
        assertThat(start.initial()).isEqualTo(exports);
        Path photos = Files.createDirectories(home.resolve("photos"));
        start.used(photos);
        assertThat(start.initial()).isEqualTo(photos);
        Files.delete(photos);
        assertThat(start.initial()).isEqualTo(pictures);
    }

    @Test
    void aFolderRememberedByAnEarlierRunIsWhereDialogsOpenAndEachNewFolderIsHandedOnToBeSaved() throws Exception {
        Path pictures = Files.createDirectories(home.resolve("Pictures"));
        Path earlier = Files.createDirectories(home.resolve("exports"));
        java.util.List<Path> saved = new java.util.ArrayList<>();
        StartFolder start = new StartFolder(pictures);
        start.rememberAcrossRuns(earlier.toString(), saved::add);
        assertThat(start.initial()).isEqualTo(earlier);
        assertThat(saved).isEmpty();

        Path photos = Files.createDirectories(home.resolve("photos"));
        start.used(photos.resolve("a.jpg"));
        start.used(photos); // the same folder again: nothing new to save
        assertThat(saved).containsExactly(photos);

        StartFolder nextRun = new StartFolder(pictures);
        nextRun.rememberAcrossRuns(home.resolve("gone").toString(), p -> { });
        assertThat(nextRun.initial()).as("a remembered folder that was deleted").isEqualTo(pictures);
    }
}
