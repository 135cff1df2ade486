package app.facet.core.imaging;

import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a photo must not leave a native copy of it with the analysis thread (issue 14: with
 * {@code Files.readAllBytes} each worker kept a direct buffer as large as the largest photo it had read), nor put its
 * bytes in the Java heap (they went to the old generation and grew it by a photo per photo).
 */
class EncodedPhotoReaderMemoryTest {

    @TempDir
    Path dir;

    @Test
    void readingALargePhotoKeepsNoPhotoSizedDirectBuffer() throws Exception {
        Path photo = dir.resolve("large.jpg");
        byte[] content = new byte[6 << 20];
        new Random(7).nextBytes(content);
        Files.write(photo, content);
        long fileSize = Files.size(photo);

        long before = directBytes();
        byte[] read = readNative(photo);
        long kept = directBytes() - before;

        assertEquals(fileSize, read.length);
        assertArrayEquals(content, read);
        assertEquals(0, kept, "reading a " + fileSize + "-byte file left " + kept + " bytes of direct buffers with the thread");
    }

    @Test
    void aFileThatEndsEarlyIsReadUpToItsEnd() throws Exception {
        Path small = dir.resolve("small.bin");
        byte[] data = new byte[3 * 65536 + 17];
        new Random(3).nextBytes(data);
        Files.write(small, data);
        assertArrayEquals(data, readNative(small));
        Files.write(small, Arrays.copyOf(data, 5));
        assertArrayEquals(Arrays.copyOf(data, 5), readNative(small));
    }

    /** The photo's bytes are outside the Java heap: reading one leaves the heap's usage where it was (give or take 1 MB). */
    @Test
    void aPhotosBytesAreNotInTheJavaHeap() throws Exception {
        Path photo = dir.resolve("big.bin");
        byte[] content = new byte[24 << 20];
        new Random(5).nextBytes(content);
        Files.write(photo, content);
        content = null;
        long before = heapUsedAfterGc();
        try (BytePointer data = EncodedPhotoReader.readNative(photo)) {
            long during = heapUsedAfterGc();
            assertEquals(24L << 20, data.limit());
            assertTrue(during - before < (1 << 20), "reading a 24 MB file grew the live Java heap by " + (during - before) + " bytes");
        }
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static byte[] readNative(Path file) throws Exception {
        try (BytePointer data = EncodedPhotoReader.readNative(file)) {
            byte[] out = new byte[(int) data.limit()];
            data.get(out);
            return out;
        }
    }

    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }
}
