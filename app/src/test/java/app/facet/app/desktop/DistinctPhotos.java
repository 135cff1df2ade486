package app.facet.app.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of real photos for a benchmark's scan: {@code copies} copies of every JPEG under the source folders, each
 * made a distinct file by a few bytes after the JPEG's end marker (decoders stop at the marker), so the scan
 * catalogues and analyses every copy instead of taking it for a moved or unchanged photo (same content hash).
 */
final class DistinctPhotos {
    private DistinctPhotos() {
    }

    /** @return {@code target}, holding the copies (created; must not exist yet) */
    static Path copy(List<Path> sources, int copies, Path target) throws IOException {
        Files.createDirectories(target);
        int n = 0;
        for (Path source : sources) {
            List<Path> jpegs;
            try (Stream<Path> files = Files.walk(source)) {
                jpegs = files.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.jpe?g")).sorted().toList();
            }
            for (Path jpeg : jpegs) {
                for (int c = 0; c < copies; c++) {
                    Path copy = target.resolve("c" + c).resolve((n++) + "-" + jpeg.getFileName());
                    Files.createDirectories(copy.getParent());
                    Files.copy(jpeg, copy);
                    Files.write(copy, ("facet-bench-copy-" + n).getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
                }
            }
        }
        return target;
    }

    /** Number of files under {@code folder}. */
    static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
