package app.facet.core.scan;

import app.facet.core.integrity.ScanProcess;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One scan per library at a time: an OS lock ({@link FileChannel#tryLock()}) on {@code scan.lock} in the library
 * folder. The OS releases it when the holding process dies (kill -9 included), so a stale lock is taken over without
 * any liveness guess. The file holds {@code pid host start} of the holder, only to name it in the refusal.
 */
public final class ScanLock implements AutoCloseable {
    /** Name of the lock file inside the library folder. */
    public static final String FILE_NAME = "scan.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ScanLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the library's scan lock and records this process in it.
     *
     * @param libraryRoot the library folder (holds the catalog)
     * @throws ScanAlreadyRunningException when another live scan (this or another process) holds it
     * @throws java.io.UncheckedIOException when the lock file cannot be created or written
     */
    public static ScanLock acquire(Path libraryRoot) {
        Path file = libraryRoot.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(libraryRoot);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new ScanAlreadyRunningException(libraryRoot, holder);
            }
            String me = ScanProcess.currentPid() + " " + ScanProcess.currentHost() + " "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new ScanLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new java.io.UncheckedIOException("Cannot take the scan lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignored) {
            // already failing with the first error, which is the one the user needs
        }
    }

    /** Releases the lock; the file stays (deleting it would race with a scan that just opened it). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
    }
}
