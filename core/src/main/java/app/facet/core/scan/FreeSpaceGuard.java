package app.facet.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Watches the free space of the library folder during a scan. Below {@link #DEFAULT_MARGIN_BYTES} (64 MiB: room for
 * SQLite's WAL and journal to commit and roll back, and the crop files of the photos in flight) the scan stops like a
 * Ctrl+C, before SQLite or OpenCV meet a full disk.
 */
public final class FreeSpaceGuard {
    /** The default margin: 64 MiB. */
    public static final long DEFAULT_MARGIN_BYTES = 64L << 20;

    /** Usable bytes of the file system holding a folder. */
    @FunctionalInterface
    public interface Probe {
        long usableBytes(Path folder) throws IOException;
    }

    /** The real probe: {@link java.nio.file.FileStore#getUsableSpace()}. */
    public static final Probe FILE_STORE = folder -> Files.getFileStore(folder).getUsableSpace();

    private final Path folder;
    private final long marginBytes;
    private final Probe probe;

    /** @param marginBytes the scan stops when fewer bytes than this are usable; 0 disables the guard */
    public FreeSpaceGuard(Path folder, long marginBytes, Probe probe) {
        this.folder = folder;
        this.marginBytes = marginBytes;
        this.probe = probe;
    }

    /**
     * @return the sentence to stop with ("disk full: 3 MB free in /lib (the scan needs at least 64 MB)"), or empty
     *         while there is room; a probe that fails counts as room (the writes themselves will then report)
     */
    public Optional<String> shortage() {
        if (marginBytes <= 0) {
            return Optional.empty();
        }
        long free;
        try {
            free = probe.usableBytes(folder);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (free >= marginBytes) {
            return Optional.empty();
        }
        return Optional.of("disk full: " + (free >> 20) + " MB free in " + folder + " (the scan needs at least "
                + (marginBytes >> 20) + " MB)");
    }
}
