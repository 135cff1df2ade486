package app.facet.core.imaging;

import app.facet.core.imaging.PhotoAnalysisException.Reason;
import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import com.drew.imaging.FileType;
import org.bytedeco.javacpp.BytePointer;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Date;

/**
 * Reads a photo file into memory and refuses it, before any pixel is decoded, when it is empty, unreadable,
 * not a supported image, truncated, or larger than the pixel limit (a decompression bomb: a 20000x20000 PNG
 * is a few hundred KB on disk but 1.2 GB as BGR pixels). Header facts come from metadata-extractor.
 * Thread-safe (stateless apart from its limit).
 */
public final class EncodedPhotoReader {

    /** Default pixel limit: 100 megapixels (a 12,000 x 8,000 photo is 96 MP). */
    public static final long DEFAULT_PIXEL_LIMIT = 100_000_000L;

    /** Files above this are refused before being read (Java arrays stop at 2 GiB; no photo is near it). */
    private static final long MAX_FILE_BYTES = 1L << 30;

    private final long pixelLimit;

    /** @param pixelLimit largest accepted width x height (stored pixels), e.g. {@link #DEFAULT_PIXEL_LIMIT} */
    public EncodedPhotoReader(long pixelLimit) {
        if (pixelLimit <= 0) {
            throw new IllegalArgumentException("pixel limit must be positive, got " + pixelLimit);
        }
        this.pixelLimit = pixelLimit;
    }

    public long pixelLimit() {
        return pixelLimit;
    }

    /**
     * @throws PhotoAnalysisException EMPTY_FILE, UNREADABLE, NOT_AN_IMAGE, UNSUPPORTED_FORMAT, CORRUPT_IMAGE or TOO_MANY_PIXELS
     */
    public EncodedPhoto read(Path path) throws PhotoAnalysisException {
        BytePointer data = readBytes(path);
        try {
            ByteBuffer bytes = data.asByteBuffer();
            ImageFormat format = detectFormat(path, bytes);
            ImageHeader header = readHeader(path, bytes, format);
            if (header.pixelCount() > pixelLimit) {
                throw new PhotoAnalysisException(Reason.TOO_MANY_PIXELS, String.format(
                        "The image is %d x %d pixels (%.0f megapixels), above the limit of %.0f megapixels, so it was not decoded.",
                        header.storedWidth(), header.storedHeight(), header.pixelCount() / 1e6, pixelLimit / 1e6));
            }
            if (!StreamCompleteness.isComplete(format, bytes)) {
                throw new PhotoAnalysisException(Reason.CORRUPT_IMAGE,
                        "The " + format + " file is truncated (its data stops before the end marker).");
            }
            return new EncodedPhoto(path, data, header);
        } catch (PhotoAnalysisException | RuntimeException e) {
            data.close();
            throw e;
        }
    }

    private static BytePointer readBytes(Path path) throws PhotoAnalysisException {
        try {
            if (Files.isDirectory(path)) {
                throw new PhotoAnalysisException(Reason.UNREADABLE, "The path is a folder, not a photo file.");
            }
            long size = Files.size(path);
            if (size == 0) {
                throw new PhotoAnalysisException(Reason.EMPTY_FILE, "The file is empty (0 bytes).");
            }
            if (size > MAX_FILE_BYTES) {
                throw new PhotoAnalysisException(Reason.TOO_MANY_PIXELS,
                        "The file is " + size / (1 << 20) + " MiB, larger than any photo Facet reads (1 GiB).");
            }
            BytePointer bytes = readNative(path);
            if (bytes.limit() == 0) {
                bytes.close();
                throw new PhotoAnalysisException(Reason.EMPTY_FILE, "The file is empty (0 bytes).");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            if (path.toString().indexOf('\uFFFD') >= 0) {
                // the name's bytes are not valid in the system's encoding: the decoded name no longer names the file
                throw new PhotoAnalysisException(Reason.BAD_FILE_NAME, "The file name contains bytes that are not valid "
                        + "UTF-8 (shown as \uFFFD), so the file cannot be opened by its name; rename it.", e);
            }
            throw new PhotoAnalysisException(Reason.UNREADABLE, "The file does not exist (any more).", e);
        } catch (AccessDeniedException e) {
            throw new PhotoAnalysisException(Reason.UNREADABLE, "The file cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw new PhotoAnalysisException(Reason.UNREADABLE, "The file cannot be read: " + e.getMessage() + ".", e);
        }
    }

    /**
     * The whole file, read straight into native memory. Two copies are avoided: a Java array (the bytes went to the
     * old generation, see {@link EncodedPhoto}) and NIO's temporary direct buffer, which a read into a heap buffer goes
     * through and which NIO keeps per thread at the size of the largest read ({@code jdk.nio.maxCachedBufferSize} is
     * unlimited by default: every analysis thread held a native copy of the largest photo it had read; heaptrack,
     * docs/PERFORMANCE.md, issue 14). A read into a direct buffer needs neither.
     *
     * @return the file's bytes up to its size when opened (a file growing meanwhile is read up to that size; one
     * shrinking is read up to its end); the caller closes it
     */
    static BytePointer readNative(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_FILE_BYTES) {
                throw new IOException("the file grew to " + size / (1 << 20) + " MiB while being opened");
            }
            BytePointer data = new BytePointer(size);
            try {
                ByteBuffer buffer = data.asByteBuffer();
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // a read may return fewer bytes than asked (and 0), until the end of the file
                }
                data.limit(buffer.position());
                return data;
            } catch (IOException | RuntimeException e) {
                data.close();
                throw e;
            }
        }
    }

    private static ImageFormat detectFormat(Path path, ByteBuffer bytes) throws PhotoAnalysisException {
        FileType type;
        try {
            type = FileTypeDetector.detectFileType(new BufferedInputStream(new ByteBufferBackedInputStream(bytes.duplicate())));
        } catch (IOException e) {
            throw new PhotoAnalysisException(Reason.UNREADABLE, "The file cannot be read: " + e.getMessage() + ".", e);
        }
        return switch (type) {
            case Jpeg -> ImageFormat.JPEG;
            case Png -> ImageFormat.PNG;
            case WebP -> ImageFormat.WEBP;
            case Bmp -> ImageFormat.BMP;
            case Tiff -> ImageFormat.TIFF;
            case Riff -> isWebp(bytes) ? ImageFormat.WEBP : unsupported(type);
            case Unknown -> throw new PhotoAnalysisException(Reason.NOT_AN_IMAGE,
                    "The file is not an image (its content matches no image format, whatever its name says).");
            default -> unsupported(type);
        };
    }

    private static boolean isWebp(ByteBuffer b) {
        return b.limit() >= 12 && b.get(8) == 'W' && b.get(9) == 'E' && b.get(10) == 'B' && b.get(11) == 'P';
    }

    private static ImageFormat unsupported(FileType type) throws PhotoAnalysisException {
        throw new PhotoAnalysisException(Reason.UNSUPPORTED_FORMAT,
                "The file is a " + type.getName() + " file; Facet reads JPEG, PNG, WebP, BMP and TIFF.");
    }

    private static ImageHeader readHeader(Path path, ByteBuffer bytes, ImageFormat format) throws PhotoAnalysisException {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteBufferBackedInputStream(bytes.duplicate()), bytes.limit());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            throw new PhotoAnalysisException(Reason.CORRUPT_IMAGE,
                    "The " + format + " header cannot be read: " + e.getMessage() + ".", e);
        }
        int[] size = storedSize(metadata, format);
        if (size == null || size[0] <= 0 || size[1] <= 0) {
            throw new PhotoAnalysisException(Reason.CORRUPT_IMAGE,
                    "The " + format + " header gives no image size, so the file cannot be checked safely before decoding.");
        }
        return new ImageHeader(format, size[0], size[1], orientation(metadata), takenAt(metadata));
    }

    private static int[] storedSize(Metadata m, ImageFormat format) {
        return switch (format) {
            case JPEG -> size(m.getFirstDirectoryOfType(JpegDirectory.class), JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT);
            case PNG -> size(m.getFirstDirectoryOfType(PngDirectory.class), PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT);
            case WEBP -> size(m.getFirstDirectoryOfType(WebpDirectory.class), WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT);
            case BMP -> {
                int[] s = size(m.getFirstDirectoryOfType(BmpHeaderDirectory.class), BmpHeaderDirectory.TAG_IMAGE_WIDTH, BmpHeaderDirectory.TAG_IMAGE_HEIGHT);
                yield s == null ? null : new int[]{Math.abs(s[0]), Math.abs(s[1])}; // negative height = top-down BMP
            }
            case TIFF -> size(m.getFirstDirectoryOfType(ExifIFD0Directory.class), ExifDirectoryBase.TAG_IMAGE_WIDTH, ExifDirectoryBase.TAG_IMAGE_HEIGHT);
        };
    }

    private static int[] size(Directory d, int widthTag, int heightTag) {
        if (d == null) {
            return null;
        }
        Integer w = d.getInteger(widthTag);
        Integer h = d.getInteger(heightTag);
        return w == null || h == null ? null : new int[]{w, h};
    }

    private static Integer orientation(Metadata m) {
        ExifIFD0Directory ifd0 = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Integer o = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        return o != null && o >= 1 && o <= 8 ? o : null;
    }

    private static Instant takenAt(Metadata m) {
        for (ExifSubIFDDirectory d : m.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            Date date = d.getDateOriginal();
            if (date != null) {
                return date.toInstant();
            }
        }
        return null;
    }
}
