package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.model.Photo;
import app.facet.model.ScanState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad file ends with its recorded reason; the scan carries on and the good photos are catalogued. */
class BadInputScanTest {
    @TempDir
    Path tmp;

    @Test
    void eachBadInputEndsWithItsReasonAndTheScanCarriesOn() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.write(dir.resolve("empty.jpg"), new byte[0]);
        byte[] jpeg = Files.readAllBytes(SharedMaterial.photos().resolve("people/barack_obama/obama.jpg"));
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 3));
        Files.writeString(dir.resolve("notes.jpg"), "this is a shopping list, not a photo\n");
        Path unreadable = dir.resolve("locked.jpg");
        Files.write(unreadable, jpeg);
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        boolean canLock = !Files.isReadable(unreadable); // root reads anything: then this case cannot be made here
        Path bomb = dir.resolve("bomb.png");
        BigPng.write(bomb, 20000, 20000);
        Path odd = Files.createDirectories(dir.resolve("Été à Paris"));
        Files.copy(SharedMaterial.photos().resolve("people/joe_biden/biden.jpg"), odd.resolve("Joe & Jill — 2020 (1).jpg"));

        Catalog catalog = Catalog.open(new LibraryLocation(tmp.resolve("lib")));
        try (PhotoAnalyzer analyzer = TestAnalyzers.withEmbeddings()) {
            ScanSummary s = new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(dir), false, 0, 2),
                    ScanListener.NONE, new Cancellation());
            Map<String, Photo> byPath = ScanOnSharedPhotosTest.photosByRelativePath(catalog, dir);

            assertThat(s.status()).isEqualTo("completed");
            assertThat(byPath.get("empty.jpg").failureReason()).startsWith("empty_file:");
            assertThat(byPath.get("truncated.jpg").failureReason()).startsWith("corrupt_image:");
            assertThat(byPath.get("notes.jpg").failureReason()).startsWith("not_an_image:");
            assertThat(byPath.get("bomb.png").failureReason()).startsWith("too_many_pixels:");
            if (canLock) {
                assertThat(byPath.get("locked.jpg").failureReason()).startsWith("unreadable:");
            }
            Photo good = byPath.get("Été à Paris/Joe & Jill — 2020 (1).jpg");
            assertThat(good.scanState()).isEqualTo(ScanState.DONE);
            assertThat(good.faceCount()).isEqualTo(1);
            assertThat(s.photosFailed()).isEqualTo(canLock ? 5 : 4);
            assertThat(s.failureReasons()).containsKeys("empty_file", "corrupt_image", "not_an_image", "too_many_pixels");
        } finally {
            Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Writes a valid, tiny-on-disk PNG of huge dimensions: a decompression bomb. */
    static final class BigPng {
        static void write(Path file, int w, int h) throws Exception {
            // ImageIO would need w*h bytes of memory; write the PNG by hand: IHDR + one zlib stream of zero rows
            java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
            try (var z = new java.util.zip.DeflaterOutputStream(idat, new java.util.zip.Deflater(9))) {
                byte[] row = new byte[1 + w]; // filter byte + w grey pixels
                for (int y = 0; y < h; y++) {
                    z.write(row);
                }
            }
            try (var out = new java.io.DataOutputStream(Files.newOutputStream(file))) {
                out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
                java.io.ByteArrayOutputStream ihdr = new java.io.ByteArrayOutputStream();
                var d = new java.io.DataOutputStream(ihdr);
                d.writeInt(w);
                d.writeInt(h);
                d.write(new byte[]{8, 0, 0, 0, 0}); // 8-bit greyscale
                chunk(out, "IHDR", ihdr.toByteArray());
                chunk(out, "IDAT", idat.toByteArray());
                chunk(out, "IEND", new byte[0]);
            }
        }

        private static void chunk(java.io.DataOutputStream out, String type, byte[] data) throws Exception {
            out.writeInt(data.length);
            byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            out.write(t);
            out.write(data);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(t);
            crc.update(data);
            out.writeInt((int) crc.getValue());
        }
    }

}
