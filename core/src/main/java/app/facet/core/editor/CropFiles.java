package app.facet.core.editor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes display crops of edited faces under the managed crops folder before the transaction that references them,
 * named like the scan's ({@code crops/<photo id & 0xff, hex>/p<photo>-<kind><token>-f<i>.jpg}) but with their own
 * token, so a crop of a stored row is never overwritten. Files of a save that did not commit are deleted again.
 */
final class CropFiles {
    private static final Logger log = LoggerFactory.getLogger(CropFiles.class);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path cropsDir;

    CropFiles(Path cropsDir) {
        this.cropsDir = cropsDir;
    }

    /**
     * @param kind "e" for a crop editor save, "d" for a re-detection
     * @return absolute paths, in the order of {@code jpegs}
     * @throws IOException after deleting what it wrote
     */
    List<String> write(long photoId, String kind, List<byte[]> jpegs) throws IOException {
        List<String> written = new ArrayList<>();
        if (jpegs.isEmpty()) {
            return written;
        }
        Path dir = cropsDir.resolve(String.format("%02x", photoId & 0xff));
        String token = kind + System.currentTimeMillis() + "x" + SEQUENCE.incrementAndGet();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < jpegs.size(); i++) {
                Path file = dir.resolve("p" + photoId + "-" + token + "-f" + i + ".jpg");
                Files.write(file, jpegs.get(i), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                written.add(file.toString());
            }
            return written;
        } catch (IOException e) {
            delete(written);
            throw e;
        }
    }

    /** Deletes crop files of a save that rolled back; a failure is logged, never thrown (the save's error matters more). */
    void delete(List<String> files) {
        for (String f : files) {
            Path p = Path.of(f).toAbsolutePath().normalize();
            if (!p.startsWith(cropsDir)) {
                continue;
            }
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                log.warn("event=crop_delete_failed path=\"{}\" error=\"{}\"", p, e.getMessage());
            }
        }
    }
}
