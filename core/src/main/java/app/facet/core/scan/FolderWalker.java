package app.facet.core.scan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Lists the photos under some folders: JPEG, PNG, WebP, BMP and TIFF by file extension, recursively, following
 * symbolic links but never around a loop, and never into hidden folders or the library's own folder (where
 * Facet keeps face crops: cataloguing those as photos is how the old system corrupted its users' catalogs).
 */
public final class FolderWalker {
    private static final Logger log = LoggerFactory.getLogger(FolderWalker.class);

    /** Lower-case extensions Facet catalogues. */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "png", "webp", "bmp", "dib", "tif", "tiff");

    private final List<Path> excluded;

    /** @param excluded folders never descended into (the library folder), absolute */
    public FolderWalker(List<Path> excluded) {
        this.excluded = excluded.stream().map(FolderWalker::real).toList();
    }

    /**
     * @param progress receives the running count of files found
     * @return files found, in walk order, each once per path
     * @throws IllegalArgumentException when a root is not an existing folder
     */
    public List<FoundFile> walk(List<Path> roots, LongConsumer progress, Cancellation cancellation) {
        List<FoundFile> found = new ArrayList<>();
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            if (!Files.isDirectory(abs)) {
                throw new IllegalArgumentException("Folder not found: " + abs);
            }
            try {
                Files.walkFileTree(abs, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (cancellation.isCancelled()) {
                            return FileVisitResult.TERMINATE;
                        }
                        if (!dir.equals(abs) && isHidden(dir)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        Path real = real(dir);
                        for (Path ex : excluded) {
                            if (real.startsWith(ex)) {
                                log.info("event=folder_skipped reason=library_folder path=\"{}\"", dir);
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && !isHidden(file) && supported(file)) {
                            found.add(new FoundFile(file.toAbsolutePath().normalize(), attrs.size(), attrs.lastModifiedTime().toMillis()));
                            progress.accept(found.size());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof FileSystemLoopException) {
                            log.warn("event=folder_skipped reason=symlink_loop path=\"{}\"", file);
                        } else {
                            log.warn("event=path_unreadable path=\"{}\" error=\"{}\"", file, e.toString());
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read folder " + abs + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    /** @return true for a path whose extension Facet catalogues */
    public static boolean supported(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
