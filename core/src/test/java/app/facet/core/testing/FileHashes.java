package app.facet.core.testing;

import app.facet.core.catalog.ContentHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 of every file under a folder (the catalog, its -wal, crops, backups), to prove an operation changed nothing. */
public final class FileHashes {
    private FileHashes() {
    }

    /**
     * @return relative path to SHA-256 for every regular file under {@code root}, except SQLite's shared-memory index
     *         ({@code -shm}), which readers update by design and which holds no data
     */
    public static Map<String, String> of(Path root) throws IOException {
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
