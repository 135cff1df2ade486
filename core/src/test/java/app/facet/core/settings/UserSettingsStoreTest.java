package app.facet.core.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserSettingsStoreTest {
    @TempDir
    Path tmp;

    @Test
    void remembersLibrariesMostRecentFirstAndTheTheme() {
        UserSettingsStore store = new UserSettingsStore(tmp.resolve("cfg/settings.json"));
        assertThat(store.load()).isEqualTo(UserSettings.EMPTY);
        store.save(store.load().withOpened(tmp.resolve("a")).withOpened(tmp.resolve("b")).withOpened(tmp.resolve("a")).withTheme("dark"));

        UserSettings read = new UserSettingsStore(tmp.resolve("cfg/settings.json")).load();
        assertThat(read.libraries()).containsExactly(tmp.resolve("a").toString(), tmp.resolve("b").toString());
        assertThat(read.lastLibrary()).isEqualTo(tmp.resolve("a").toString());
        assertThat(read.theme()).isEqualTo("dark");
    }

    @Test
    void theLastFolderOfAFileDialogIsRememberedAcrossRunsAndOlderFilesReadWithoutIt() throws Exception {
        UserSettingsStore store = new UserSettingsStore(tmp.resolve("cfg/settings.json"));
        store.save(store.load().withTheme("dark").withLastFolder(tmp.resolve("exports/../exports")));
        UserSettings read = new UserSettingsStore(tmp.resolve("cfg/settings.json")).load();
        assertThat(read.lastFolder()).isEqualTo(tmp.resolve("exports").toString());
        assertThat(read.withOpened(tmp.resolve("a")).withTheme("light").lastFolder()).isEqualTo(tmp.resolve("exports").toString());

        // a settings file written before the field existed
        Path old = Files.writeString(tmp.resolve("old.json"), "{\"libraries\":[],\"theme\":\"dark\"}");
        assertThat(new UserSettingsStore(old).load().lastFolder()).isNull();
    }

    @Test
    void aDamagedFileIsKeptAsideNotLost() throws Exception {
        Path file = Files.writeString(tmp.resolve("settings.json"), "{ not json");
        UserSettings read = new UserSettingsStore(file).load();
        assertThat(read).isEqualTo(UserSettings.EMPTY);
        assertThat(Files.readString(tmp.resolve("settings.json.unreadable"))).isEqualTo("{ not json");
    }

    @Test
    void defaultFileFollowsXdg() {
        assertThat(UserSettingsStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", Path.of("/home/u")))
                .isEqualTo(Path.of("/x/facet/settings.json"));
        assertThat(UserSettingsStore.defaultFile(Map.of(), "Linux", Path.of("/home/u")))
                .isEqualTo(Path.of("/home/u/.config/facet/settings.json"));
        assertThat(UserSettingsStore.defaultFile(Map.of("FACET_CONFIG", "/c.json"), "Linux", Path.of("/home/u")))
                .isEqualTo(Path.of("/c.json"));
    }
}
