package app.facet.core.transfer;

import app.facet.core.integrity.ContentHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 of every file under a library folder except SQLite's -shm (readers update it by design; it holds no data). */
final class CatalogFilesHashes {
    private CatalogFilesHashes() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!f.toString().endsWith("-shm")) {
                    out.put(root.relativize(f).toString(), ContentHash.of(f));
                }
            }
        }
        return out;
    }
}
