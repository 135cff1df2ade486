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
}
