package app.facet.core.embedding;

import app.facet.core.catalog.ContentHash;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of files, remembered per (absolute path, size, modification time) so a 38 MB model is not hashed on
 * every start. Kept in memory and, when a cache file is given, in a small JSON file (rewritten atomically).
 * A cache file that cannot be read or written is logged and ignored: the hash is then simply recomputed.
 * Thread-safe.
 */
public final class FileHashCache {

    private static final Logger log = LoggerFactory.getLogger(FileHashCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path cacheFile;
    private final Map<String, String> entries = new ConcurrentHashMap<>();

    /** @param cacheFile JSON file to persist hashes in, or null to keep them in memory only */
    public FileHashCache(Path cacheFile) {
        this.cacheFile = cacheFile;
        if (cacheFile != null && Files.isRegularFile(cacheFile)) {
            try (InputStream in = Files.newInputStream(cacheFile)) {
                entries.putAll(JSON.readValue(in, new TypeReference<Map<String, String>>() { }));
            } catch (IOException e) {
                log.warn("event=hash_cache_unreadable file={} error={}", cacheFile, e.toString());
            }
        }
    }

    /** @return a memory-only cache */
    public static FileHashCache inMemory() {
        return new FileHashCache(null);
    }

    /** @return lower-case hex SHA-256 of the file's current content */
    public String sha256(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        String key = file.toAbsolutePath().normalize() + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis();
        String cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        String hash = ContentHash.of(file);
        entries.put(key, hash);
        persist();
        return hash;
    }

    private synchronized void persist() {
        if (cacheFile == null) {
            return;
        }
        try {
            Files.createDirectories(cacheFile.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(cacheFile.toAbsolutePath().getParent(), ".sha256-cache", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new TreeMap<>(entries));
            try {
                Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("event=hash_cache_not_saved file={} error={}", cacheFile, e.toString());
        }
    }
}
