package app.facet.core.imaging;

import org.bytedeco.javacpp.BytePointer;

import java.nio.file.Path;

/**
 * A photo file read into native memory and checked (non-empty, a supported image, complete, within the pixel limit),
 * but not yet decoded. Decoding from these bytes (not from the path) keeps OpenCV away from file-name encodings, so
 * paths with spaces and non-ASCII characters behave like any other.
 * <p>
 * The bytes live outside the Java heap and are handed to OpenCV without a copy: held in the heap, every photo's bytes
 * (4-12 MB, larger than the young generation) went straight to the old generation, which grew by that much per photo
 * between full collections (docs/PERFORMANCE.md, "Fourth pass"). Close it as soon as the decodes that need it are done.
 * Not thread-safe.
 */
public final class EncodedPhoto implements AutoCloseable {
    private final Path path;
    private final BytePointer data;
    private final ImageHeader header;

    /**
     * @param path   the file as given
     * @param data   the whole file, {@code data.limit()} bytes; owned (freed by {@link #close})
     * @param header header facts (format, stored size, EXIF orientation and date)
     */
    EncodedPhoto(Path path, BytePointer data, ImageHeader header) {
        this.path = path;
        this.data = data;
        this.header = header;
    }

    public Path path() {
        return path;
    }

    public ImageHeader header() {
        return header;
    }

    /** @return the file's length in bytes */
    public long size() {
        return data.limit();
    }

    /** @return the file's bytes, {@link #size()} of them; valid until {@link #close} */
    BytePointer data() {
        if (data.isNull()) {
            throw new IllegalStateException("the bytes of " + path + " were already freed");
        }
        return data;
    }

    /** Frees the bytes (idempotent). */
    @Override
    public void close() {
        data.close();
    }
}
