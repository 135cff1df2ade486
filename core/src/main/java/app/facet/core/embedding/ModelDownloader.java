package app.facet.core.embedding;

import app.facet.core.catalog.ContentHash;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLConnection;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/**
 * Downloads a described model from its pinned URL into the model folder: into a temporary file next to the
 * target, SHA-256 checked while writing, then moved into place atomically. A file whose hash differs is deleted
 * and the download fails, so a half-written or substituted model never sits under the model's name.
 * Works with any URL scheme the JDK opens (https, http, file).
 */
public final class ModelDownloader {

    private static final Logger log = LoggerFactory.getLogger(ModelDownloader.class);

    private final Duration timeout;

    /** @param timeout connect and read timeout */
    public ModelDownloader(Duration timeout) {
        this.timeout = timeout;
    }

    /** Progress of one download, called on the downloading thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done  bytes written so far
         * @param total expected bytes (the server's length, else the described size), -1 when unknown
         */
        void bytes(long done, long total);
    }

    /**
     * @return the verified model file in {@code folder}
     * @throws ModelDownloadException when the model has no URL, the download fails, or the SHA-256 does not match
     */
    public Path download(ModelFileDescription model, Path folder) throws ModelDownloadException {
        return download(model, folder, (done, total) -> { }, () -> false);
    }

    /**
     * As {@link #download(ModelFileDescription, Path)}, reporting progress and stopping when {@code cancelled} turns
     * true. Any failure or cancel deletes the partial file, so a retry starts clean.
     *
     * @throws ModelDownloadException also when cancelled ({@link ModelDownloadException#cancelled()})
     */
    public Path download(ModelFileDescription model, Path folder, Progress progress, BooleanSupplier cancelled)
            throws ModelDownloadException {
        if (model.url() == null) {
            throw new ModelDownloadException("The model " + model.id() + " has no download URL (it is a test-only model).");
        }
        Path target = folder.resolve(model.file());
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, "." + model.file() + ".", ".part");
            MessageDigest digest = ContentHash.newDigest();
            URLConnection connection = URI.create(model.url()).toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            long bytes;
            try (InputStream in = connection.getInputStream();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                long length = connection.getContentLengthLong();
                bytes = copy(in, out, length > 0 ? length : model.sizeBytes() == null ? -1 : model.sizeBytes(), progress, cancelled);
            }
            if (cancelled.getAsBoolean()) {
                Files.deleteIfExists(tmp);
                throw ModelDownloadException.cancelled("The download of " + model.id() + " was cancelled; nothing was kept.");
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(model.sha256())) {
                Files.deleteIfExists(tmp);
                throw new ModelDownloadException("The download of " + model.id() + " from " + model.url() + " has SHA-256 " + actual
                        + ", not the pinned " + model.sha256() + "; the file was deleted.");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            log.info("event=model_downloaded model={} bytes={} file={}", model.id(), bytes, target);
            return target;
        } catch (IOException | IllegalArgumentException e) {
            deleteQuietly(tmp);
            boolean offline = e instanceof UnknownHostException || e instanceof NoRouteToHostException || e instanceof ConnectException;
            throw new ModelDownloadException("The download of " + model.id() + " from " + model.url() + " failed: "
                    + (e instanceof UnknownHostException ? "cannot reach " + e.getMessage() + " (no network connection?)" : e.getMessage())
                    + ".", e, offline);
        }
    }

    private static long copy(InputStream in, OutputStream out, long total, Progress progress, BooleanSupplier cancelled) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long done = 0;
        int n;
        while (!cancelled.getAsBoolean() && (n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            done += n;
            progress.bytes(done, total);
        }
        return done;
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            log.warn("event=model_download_temp_not_deleted file={} error={}", tmp, e.toString());
        }
    }
}
