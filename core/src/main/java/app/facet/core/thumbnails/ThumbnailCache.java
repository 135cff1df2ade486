package app.facet.core.thumbnails;

import app.facet.core.catalog.LibraryLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thumbnails on disk under the library's {@code managed/thumbs} folder, generated in the background on request.
 * <p>
 * Made for a scrolling grid: callers request the thumbnails of the cells they show; a thumbnail already on disk
 * is returned at once, the others are queued. The queue is bounded and last-in-first-out, so the cells the user
 * is looking at now are rendered first and requests of cells scrolled past long ago are dropped (their future
 * fails with {@link CancellationException}; request again if still needed). A photo that cannot be decoded fails
 * its future with {@link ThumbnailException} and is not retried until {@link #forgetFailures()}.
 */
public final class ThumbnailCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ThumbnailCache.class);

    /** Default long side of a thumbnail in pixels: sharp in a 200 px cell on a 1.25x screen. */
    public static final int DEFAULT_SIZE = 256;
    /** Default queue bound: a few screens of cells. */
    public static final int DEFAULT_QUEUE = 256;

    private final Path dir;
    private final ThumbnailRenderer renderer;
    private final int maxSide;
    private final int capacity;
    private final Deque<Job> queue = new ArrayDeque<>();
    private final Map<ThumbnailKey, CompletableFuture<Path>> pending = new ConcurrentHashMap<>();
    private final Map<ThumbnailKey, String> failures = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closed;
    private long holdUntilNanos;

    private record Job(ThumbnailKey key, CompletableFuture<Path> future) {
    }

    /**
     * @param dir      folder for the thumbnail files (created if needed)
     * @param renderer renders one thumbnail
     * @param maxSide  long side of a thumbnail, pixels
     * @param workers  background threads
     * @param capacity most requests waiting at once; older ones are dropped beyond it
     */
    public ThumbnailCache(Path dir, ThumbnailRenderer renderer, int maxSide, int workers, int capacity) {
        if (maxSide < 16 || workers < 1 || capacity < 1) {
            throw new IllegalArgumentException("thumbnail size >= 16, workers >= 1 and capacity >= 1 needed");
        }
        this.dir = dir;
        this.renderer = renderer;
        this.maxSide = maxSide;
        this.capacity = capacity;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "facet-thumbnails-" + i);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            this.workers.add(t);
            t.start();
        }
    }

    /** A cache in the library's thumbnail folder: {@link #DEFAULT_SIZE} px, half the cores (at least one) as workers. */
    public static ThumbnailCache forLibrary(LibraryLocation library) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ThumbnailCache(library.thumbnailsDir(), new ThumbnailRenderer(), DEFAULT_SIZE, Math.max(1, cores / 2), DEFAULT_QUEUE);
    }

    /** Long side of the thumbnails in pixels. */
    public int maxSide() {
        return maxSide;
    }

    /** @return where the thumbnail of {@code key} is (or will be) stored */
    public Path pathOf(ThumbnailKey key) {
        return dir.resolve(key.folderName()).resolve(key.fileName());
    }

    /**
     * @return a future of the thumbnail file: already complete when it is on disk; else completes on a worker thread,
     *         or fails with {@link ThumbnailException} (photo cannot be decoded) or {@link CancellationException}
     *         (dropped from the queue, or the cache closed)
     */
    public CompletableFuture<Path> request(ThumbnailKey key) {
        Path target = pathOf(key);
        if (Files.isRegularFile(target)) {
            return CompletableFuture.completedFuture(target);
        }
        String failure = failures.get(key);
        if (failure != null) {
            return CompletableFuture.failedFuture(new ThumbnailException(failure));
        }
        CompletableFuture<Path> existing = pending.get(key);
        if (existing != null) {
            promote(key);
            return existing;
        }
        CompletableFuture<Path> future = new CompletableFuture<>();
        Job dropped = null;
        synchronized (queue) {
            if (closed) {
                return CompletableFuture.failedFuture(new CancellationException("thumbnail cache closed"));
            }
            CompletableFuture<Path> raced = pending.putIfAbsent(key, future);
            if (raced != null) {
                return raced;
            }
            queue.addFirst(new Job(key, future));
            if (queue.size() > capacity) {
                dropped = queue.removeLast();
            }
            queue.notifyAll();
        }
        if (dropped != null) {
            pending.remove(dropped.key(), dropped.future());
            dropped.future().completeExceptionally(new CancellationException("dropped: requested again when visible"));
        }
        return future;
    }

    /**
     * Asks the workers to start no new thumbnail for {@code millis} ms (work under way finishes). A grid scrolled
     * fast calls this on every step: decoding photos the user only flies past would take the CPU the scrolling needs
     * (two cores here), and the requests of the cells still on screen when it stops are served first anyway.
     */
    public void holdOff(long millis) {
        synchronized (queue) {
            holdUntilNanos = Math.max(holdUntilNanos, System.nanoTime() + millis * 1_000_000);
        }
    }

    /** Lets photos that failed be tried again (e.g. after a rescan replaced a damaged file). */
    public void forgetFailures() {
        failures.clear();
    }

    /** Number of requests waiting for a worker. */
    public int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private void promote(ThumbnailKey key) {
        synchronized (queue) {
            for (var it = queue.iterator(); it.hasNext(); ) {
                Job j = it.next();
                if (j.key().equals(key)) {
                    it.remove();
                    queue.addFirst(j);
                    return;
                }
            }
        }
    }

    private void work() {
        while (true) {
            Job job;
            synchronized (queue) {
                while ((queue.isEmpty() || System.nanoTime() < holdUntilNanos) && !closed) {
                    try {
                        long hold = holdUntilNanos - System.nanoTime();
                        if (!queue.isEmpty() && hold > 0) {
                            queue.wait(Math.max(1, hold / 1_000_000));
                        } else {
                            queue.wait();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                job = queue.removeFirst();
            }
            try {
                job.future().complete(generate(job.key()));
            } catch (ThumbnailException e) {
                failures.put(job.key(), e.getMessage());
                log.warn("event=thumbnail_failed photo={} path={} reason={}", job.key().photoId(), job.key().source(), e.getMessage());
                job.future().completeExceptionally(e);
            } catch (IOException | RuntimeException e) {
                log.warn("event=thumbnail_write_failed photo={} dir={} reason={}", job.key().photoId(), dir, e.toString());
                job.future().completeExceptionally(e);
            } finally {
                pending.remove(job.key(), job.future());
            }
        }
    }

    private Path generate(ThumbnailKey key) throws ThumbnailException, IOException {
        Path target = pathOf(key);
        if (Files.isRegularFile(target)) {
            return target;
        }
        byte[] jpeg = renderer.render(key.source(), maxSide);
        Path folder = target.getParent();
        Files.createDirectories(folder);
        removeOlderVersions(folder, key);
        // Written beside the target and moved into place, so that a reader never sees half a JPEG.
        Path tmp = Files.createTempFile(folder, key.photoId() + "-", ".tmp");
        try {
            Files.write(tmp, jpeg);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private void removeOlderVersions(Path folder, ThumbnailKey key) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, key.photoId() + "-*.jpg")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Stops the workers; waiting requests fail with {@link CancellationException}. Thumbnails on disk stay. */
    @Override
    public void close() {
        List<Job> left;
        synchronized (queue) {
            closed = true;
            left = new ArrayList<>(queue);
            queue.clear();
            queue.notifyAll();
        }
        for (Job j : left) {
            j.future().completeExceptionally(new CancellationException("thumbnail cache closed"));
        }
        for (Thread t : workers) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }
}
