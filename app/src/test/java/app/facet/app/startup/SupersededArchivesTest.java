package app.facet.app.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A full run removes the class-data archives of its command that newer builds superseded, and nothing else. */
class SupersededArchivesTest {
    @TempDir
    Path cds;

    @Test
    void keepsTheCurrentArchiveTheTwoNewestOthersAndOtherCommands() throws Exception {
        Path current = archive("scan-00aa.jsa", 0);
        Path newest = archive("scan-11bb.jsa", 1);
        Path second = archive("scan-22cc.jsa", 2);
        Path old = archive("scan-33dd.jsa", 30);
        Path older = archive("scan-44ee.jsa", 300);
        Path photos = archive("photos-55ff.jsa", 400);
        Path marker = archive("scan-00aa.jsa.4242.ok", 0);

        assertThat(SupersededArchives.prune(marker)).containsExactlyInAnyOrder(old, older);

        assertThat(current).exists();
        assertThat(newest).exists();
        assertThat(second).exists();
        assertThat(photos).exists();
        assertThat(marker).exists();
        assertThat(old).doesNotExist();
        assertThat(older).doesNotExist();
    }

    @Test
    void removesUnfinishedArchivesOfOtherKeysOnlyOnceTheyAreOld() throws Exception {
        Path abandoned = archive("scan-99aa.jsa.17.tmp", 120);
        Path abandonedMarker = archive("scan-99aa.jsa.17.ok", 120);
        Path writing = archive("scan-88bb.jsa.18.tmp", 1);
        Path mine = archive("scan-00aa.jsa.4242.tmp", 120);
        Path marker = archive("scan-00aa.jsa.4242.ok", 0);

        assertThat(SupersededArchives.prune(marker)).containsExactlyInAnyOrder(abandoned, abandonedMarker);
        assertThat(writing).exists();
        assertThat(mine).exists();
    }

    @Test
    void aMarkerNotNamedByTheLauncherRemovesNothing() throws Exception {
        Path other = archive("scan-11bb.jsa", 500);
        archive("scan-22cc.jsa", 600);
        archive("scan-33dd.jsa", 700);
        assertThat(SupersededArchives.prune(cds.resolve("marker.ok"))).isEmpty();
        assertThat(other).exists();
    }

    /** @param minutesOld how long ago the file was last written */
    private Path archive(String name, int minutesOld) throws Exception {
        Path f = Files.writeString(cds.resolve(name), name);
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofMinutes(minutesOld))));
        return f;
    }
}
