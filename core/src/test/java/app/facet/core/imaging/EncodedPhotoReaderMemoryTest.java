package app.facet.core.imaging;

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
 * {@code Files.readAllBytes} each worker kept a direct buffer as large as the largest photo it had read).
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
        byte[] read = EncodedPhotoReader.readInSteps(photo);
        long kept = directBytes() - before;

        assertEquals(fileSize, read.length);
        assertArrayEquals(content, read);
        assertTrue(kept <= EncodedPhotoReader.READ_STEP,
                "reading a " + fileSize + "-byte file left " + kept + " bytes of direct buffers with the thread");
    }

    @Test
    void aFileThatEndsEarlyIsReadUpToItsEnd() throws Exception {
        Path small = dir.resolve("small.bin");
        byte[] data = new byte[3 * EncodedPhotoReader.READ_STEP + 17];
        new Random(3).nextBytes(data);
        Files.write(small, data);
        assertArrayEquals(data, EncodedPhotoReader.readInSteps(small));
        Files.write(small, Arrays.copyOf(data, 5));
        assertArrayEquals(Arrays.copyOf(data, 5), EncodedPhotoReader.readInSteps(small));
    }

    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }
}
