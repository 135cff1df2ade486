package app.facet.core.integrity;

import app.facet.core.catalog.ContentHash;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for moved photos in the library's photo folders: one walk collects the files whose size matches a missing
 * photo, then only those are hashed. Skips the managed folder and hidden folders, as the scan does.
 */
final class PhotoFinder {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PhotoFinder.class);

    private final Map<Long, List<Path>> bySize = new HashMap<>();

    /**
     * @param roots the library's photo folders
     * @param sizes the file sizes, bytes, of the photos to look for
     * @param skip  folders never searched (the managed folder)
     */
    PhotoFinder(List<Path> roots, Set<Long> sizes, Path skip) throws IOException {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                    return hidden || dir.startsWith(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && sizes.contains(attrs.size())) {
                        bySize.computeIfAbsent(attrs.size(), s -> new ArrayList<>()).add(file.toAbsolutePath().normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    log.warn("event=photo_search_unreadable path={} reason={}", file, e.toString());
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    /** @return a file of {@code size} bytes whose SHA-256 is {@code contentHash}, other than those in {@code exclude} */
    Optional<Path> find(long size, String contentHash, Set<String> exclude) {
        if (contentHash == null) {
            return Optional.empty();
        }
        for (Path candidate : bySize.getOrDefault(size, List.of())) {
            if (exclude.contains(candidate.toString())) {
                continue;
            }
            try {
                if (ContentHash.of(candidate).equalsIgnoreCase(contentHash)) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                log.warn("event=photo_search_unreadable path={} reason={}", candidate, e.toString());
            }
        }
        return Optional.empty();
    }
}
