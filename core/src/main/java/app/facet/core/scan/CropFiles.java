package app.facet.core.scan;

import app.facet.core.analysis.AnalyzedFace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The display crop files a scan writes under the library's crops folder, before their rows are written. Named by
 * photo id and run, so a re-analysis never overwrites a crop a stored row still uses.
 */
final class CropFiles {
    private static final Logger log = LoggerFactory.getLogger(CropFiles.class);

    private final Path cropsDir;

    CropFiles(Path cropsDir) {
        this.cropsDir = cropsDir;
    }

    Path folder() {
        return cropsDir;
    }

    /**
     * Writes the crop JPEG of every face of photo {@code photoId}.
     *
     * @param written receives each file's absolute path just before it is written, so a caller can remove the
     *                files (whole or partial) of a half-finished photo
     * @throws IOException when a file cannot be written
     */
    void write(long photoId, long runId, List<AnalyzedFace> faces, List<String> written) throws IOException {
        Path dir = cropsDir.resolve(String.format("%02x", photoId & 0xff));
        Files.createDirectories(dir);
        for (int i = 0; i < faces.size(); i++) {
            Path file = dir.resolve("p" + photoId + "-r" + runId + "-f" + i + ".jpg");
            // listed before writing: a write that fails half-way (disk full) leaves a partial file to remove too
            written.add(file.toString());
            Files.write(file, faces.get(i).cropJpeg());
        }
    }

    /**
     * Writes the crop JPEG of a hand-drawn box cut again from a re-analysed photo ({@code number}: 0, 1, … per photo).
     *
     * @return the file's absolute path
     * @throws IOException when the file cannot be written
     */
    String writeRecut(long photoId, long runId, int number, AnalyzedFace face) throws IOException {
        return writeRecut(photoId, runId, "m" + number, face);
    }

    private String writeRecut(long photoId, long runId, String suffix, AnalyzedFace face) throws IOException {
        Path dir = cropsDir.resolve(String.format("%02x", photoId & 0xff));
        Files.createDirectories(dir);
        Path file = dir.resolve("p" + photoId + "-r" + runId + "-" + suffix + ".jpg");
        try {
            Files.write(file, face.cropJpeg());
        } catch (IOException e) {
            // a write that fails half-way (disk full) leaves a partial file no row will ever reference
            deleteQuietly(List.of(file.toString()));
            throw e;
        }
        return file.toString();
    }

    /**
     * Writes the crop JPEG of a face cut at a face region read from the photo's XMP ({@code number}: 0, 1, … per photo).
     *
     * @return the file's absolute path
     * @throws IOException when the file cannot be written (a partial file is removed)
     */
    String writeRegion(long photoId, long runId, int number, AnalyzedFace face) throws IOException {
        return writeRecut(photoId, runId, "x" + number, face);
    }

    /** Removes {@code files}; a file that cannot be removed is logged and left. */
    static void deleteQuietly(List<String> files) {
        for (String f : files) {
            try {
                Files.deleteIfExists(Path.of(f));
            } catch (IOException e) {
                log.warn("event=crop_delete_failed path=\"{}\" error=\"{}\"", f, e.getMessage());
            }
        }
    }
}
