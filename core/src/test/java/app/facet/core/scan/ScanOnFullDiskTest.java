package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static app.facet.core.scan.ScanFaultsTest.count;
import static app.facet.core.scan.ScanFaultsTest.string;
import static app.facet.core.scan.ScanFaultsTest.unreferencedCropFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A library on a real 3 MB tmpfs that fills up during the scan (needs root to mount; skipped otherwise). With the
 * free-space margin off, SQLite and the crop writer meet the full disk themselves: every photo is written whole or
 * stays pending without crop files, nothing crashes. With the margin on, the scan refuses to start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanOnFullDiskTest {
    Path tmp;
    Path mount;
    PhotoAnalyzer analyzer;

    @BeforeAll
    void mountSmallDisk(@TempDir Path dir) throws Exception {
        tmp = dir;
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        mount = Files.createDirectories(tmp.resolve("small"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString()).inheritIO().start();
        assumeTrue(p.waitFor() == 0, "mount -t tmpfs failed (no CAP_SYS_ADMIN in this container?)");
        analyzer = TestAnalyzers.withEmbeddings();
    }

    @AfterAll
    void unmount() throws Exception {
        if (analyzer != null) {
            analyzer.close();
        }
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aDiskThatFillsUpEndsCleanlyAndLosesNothing() throws Exception {
        Path photos = SharedMaterial.copyPhotos(tmp.resolve("photos"));
        LibraryLocation location = new LibraryLocation(mount.resolve("lib"));
        Catalog catalog = Catalog.open(location);
        fillLeaving(mount.resolve("filler"), 400 << 10);

        Cancellation margin0 = new Cancellation();
        ScanSummary s = new ScanService(catalog, analyzer, FreeSpaceGuard.FILE_STORE, 0)
                .scan(new ScanOptions(List.of(photos), false, 0, 2), ScanListener.NONE, margin0);

        assertThat(margin0.reason()).startsWith("disk full");
        assertThat(s.status()).isEqualTo("cancelled");
        assertThat(string(catalog, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(count(catalog, "SELECT count(*) FROM photos p WHERE scan_state = 'pending' "
                + "AND EXISTS (SELECT 1 FROM face_crops f WHERE f.photo_id = p.id)")).isZero();
        assertThat(unreferencedCropFiles(catalog, location)).isEmpty();
        for (String crop : ScanFaultsTest.longs(catalog, "SELECT id FROM face_crops").isEmpty() ? List.<String>of()
                : List.of(string(catalog, "SELECT crop_path FROM face_crops ORDER BY id LIMIT 1"))) {
            assertThat(location.root().resolve(crop)).exists();
        }

        // with the default margin the scan does not even start on this disk
        Cancellation guarded = new Cancellation();
        ScanSummary refused = new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(photos), false, 0, 2),
                ScanListener.NONE, guarded);
        assertThat(guarded.reason()).startsWith("disk full: 0 MB free in " + location.root());
        assertThat(refused.photosAnalysed()).isZero();
    }

    /** Grows {@code file} until about {@code leaveBytes} remain free on its file system. */
    private static void fillLeaving(Path file, long leaveBytes) throws Exception {
        long free = Files.getFileStore(file.getParent()).getUsableSpace();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] block = new byte[4096];
            for (long written = 0; written < free - leaveBytes; written += block.length) {
                f.write(block);
            }
        }
    }
}
