package app.facet.core.thumbnails;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real thumbnails of the shared photos, decoded by OpenCV and written to a real folder. */
class ThumbnailCacheTest {
    static final Path PHOTOS = Path.of(System.getProperty("facet.shared", "../shared")).resolve("photos").toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    ThumbnailCache cache;

    @AfterEach
    void close() {
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void rendersAScaledThumbnailAndServesItFromDiskAfterwards() throws Exception {
        cache = new ThumbnailCache(tmp.resolve("thumbs"), new ThumbnailRenderer(), 256, 1, 16);
        Path source = PHOTOS.resolve("people/barack_obama/obama3.jpg"); // 1434x2333
        ThumbnailKey key = key(1, source);

        Path thumb = cache.request(key).get(30, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(thumb.toFile());
        assertThat(image.getHeight()).isEqualTo(256);
        assertThat(image.getWidth()).isBetween(156, 158); // 1434/2333*256 = 157.3
        assertThat(thumb).startsWith(tmp.resolve("thumbs"));

        CompletableFuture<Path> again = cache.request(key);
        assertThat(again).isDone();
        assertThat(again.get()).isEqualTo(thumb);
    }

    @Test
    void smallPhotosAreNotEnlargedAndPngWorks() throws Exception {
        cache = new ThumbnailCache(tmp.resolve("thumbs"), new ThumbnailRenderer(), 400, 1, 16);
        BufferedImage small = ImageIO.read(cache.request(key(2, PHOTOS.resolve("edge/obama_small.jpg"))).get(30, TimeUnit.SECONDS).toFile());
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
        BufferedImage png = ImageIO.read(cache.request(key(3, PHOTOS.resolve("edge/32bit.png"))).get(30, TimeUnit.SECONDS).toFile());
        assertThat(png.getHeight()).isEqualTo(400); // 626x1200 RGBA
    }

    @Test
    void exifOrientationIsApplied() throws Exception {
        // obama4.jpg is 1480x832 landscape without EXIF; tagged "rotate 90° clockwise" (orientation 6) it must show as portrait
        Path rotated = tmp.resolve("rotated photo é.jpg");
        Files.write(rotated, withExifOrientation(Files.readAllBytes(PHOTOS.resolve("people/barack_obama/obama4.jpg")), 6));
        cache = new ThumbnailCache(tmp.resolve("thumbs"), new ThumbnailRenderer(), 256, 1, 16);
        BufferedImage image = ImageIO.read(cache.request(key(4, rotated)).get(30, TimeUnit.SECONDS).toFile());
        assertThat(image.getHeight()).isEqualTo(256);
        assertThat(image.getWidth()).isBetween(143, 145); // 832/1480*256 = 143.9

        DecodedImage full = new DisplayImageLoader().load(rotated);
        assertThat(full.width()).isEqualTo(832);
        assertThat(full.height()).isEqualTo(1480);
        assertThat(full.scale()).isEqualTo(1.0);
        assertThat(full.originalWidth()).isEqualTo(832);
    }

    @Test
    void badFilesFailWithAReasonAndAreNotRetried() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.jpg"), "this is not a JPEG");
        Path empty = Files.createFile(tmp.resolve("empty.jpg"));
        cache = new ThumbnailCache(tmp.resolve("thumbs"), new ThumbnailRenderer(), 256, 1, 16);

        assertThatThrownBy(() -> cache.request(key(5, text)).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ThumbnailException.class)
                .hasMessageContaining("not an image");
        assertThatThrownBy(() -> cache.request(key(6, empty)).get(30, TimeUnit.SECONDS))
                .cause().hasMessageContaining("empty");
        assertThatThrownBy(() -> cache.request(key(7, tmp.resolve("gone.jpg"))).get(30, TimeUnit.SECONDS))
                .cause().hasMessageContaining("does not exist");
        // remembered: the next request fails at once, without queueing
        assertThat(cache.request(key(5, text))).isCompletedExceptionally();
        assertThat(cache.queued()).isZero();
    }

    @Test
    void aChangedFileGetsANewThumbnailAndTheOldOneIsRemoved() throws Exception {
        Path photo = Files.copy(PHOTOS.resolve("edge/obama_small.jpg"), tmp.resolve("p.jpg"));
        cache = new ThumbnailCache(tmp.resolve("thumbs"), new ThumbnailRenderer(), 128, 1, 16);
        Path first = cache.request(key(8, photo)).get(30, TimeUnit.SECONDS);

        Files.copy(PHOTOS.resolve("people/barack_obama/obama4.jpg"), photo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(photo, FileTime.fromMillis(Files.getLastModifiedTime(photo).toMillis() + 5000));
        Path second = cache.request(key(8, photo)).get(30, TimeUnit.SECONDS);

        assertThat(second).isNotEqualTo(first);
        assertThat(first).doesNotExist();
        assertThat(ImageIO.read(second.toFile()).getWidth()).isEqualTo(128); // the new, landscape content
    }

    @Test
    void theQueueIsBoundedAndDropsTheOldestRequests() throws Exception {
        Path source = PHOTOS.resolve("groups/obama_and_biden.jpg");
        cache = new ThumbnailCache(tmp.resolve("thumbs"), new ThumbnailRenderer(), 256, 1, 4);
        List<CompletableFuture<Path>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(cache.request(key(100 + i, source)));
        }
        assertThat(cache.queued()).isLessThanOrEqualTo(4);
        // the last requests (what the user looks at now) are rendered
        for (int i = 36; i < 40; i++) {
            assertThat(futures.get(i).get(60, TimeUnit.SECONDS)).exists();
        }
        long dropped = futures.stream().filter(f -> f.isCompletedExceptionally() && isCancellation(f)).count();
        assertThat(dropped).isGreaterThanOrEqualTo(30);
    }

    private static boolean isCancellation(CompletableFuture<Path> f) {
        try {
            f.join();
            return false;
        } catch (java.util.concurrent.CompletionException | CancellationException e) {
            return e instanceof CancellationException || e.getCause() instanceof CancellationException;
        }
    }

    private static ThumbnailKey key(long id, Path source) throws Exception {
        return new ThumbnailKey(id, source, null, Files.exists(source) ? Files.getLastModifiedTime(source).toMillis() : 0,
                Files.exists(source) ? Files.size(source) : 0);
    }

    /** Inserts an EXIF APP1 segment holding only an Orientation tag after the JPEG's SOI/APP0 segments. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
                'I', 'I', 42, 0, 8, 0, 0, 0,          // little-endian TIFF header, IFD0 at offset 8
                1, 0,                                  // one entry
                0x12, 0x01, 3, 0, 1, 0, 0, 0,          // tag 0x0112 Orientation, SHORT, count 1
                (byte) orientation, 0, 0, 0,           // value
                0, 0, 0, 0};                           // no next IFD
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exifHeader.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 2; // after SOI
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) { // keep JFIF APP0 first
            pos = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        out.write(jpeg, 0, pos);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exifHeader);
        out.writeBytes(tiff);
        out.write(jpeg, pos, jpeg.length - pos);
        return out.toByteArray();
    }
}
