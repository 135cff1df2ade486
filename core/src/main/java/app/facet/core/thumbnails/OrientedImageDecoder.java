package app.facet.core.thumbnails;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * Decodes a photo for display with its EXIF orientation applied (OpenCV applies it unless told to ignore it),
 * reduced while decoding when a smaller image is enough (JPEG decodes a quarter size about four times faster).
 * The one class that knows how the display side decodes photos: swap it for the analysis decoder when shared.
 * <p>
 * Files are read into memory by Java and decoded with {@code imdecode}, so paths with any characters work.
 */
final class OrientedImageDecoder {
    /** Refuse larger images (decompression bombs): about 120 MP, above any camera sold today. */
    static final long MAX_PIXELS = 120_000_000L;

    /**
     * @param file        the photo
     * @param minLongSide the decoded image's long side should be at least this many pixels when the photo has them
     * @return a BGR 8-bit image, oriented; the caller closes it
     * @throws ThumbnailException when the file is missing, unreadable, not an image, corrupt or too large
     */
    Decoded decode(Path file, int minLongSide) throws ThumbnailException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ThumbnailException("The file " + file + " is missing.", e);
        } catch (IOException e) {
            throw new ThumbnailException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new ThumbnailException("The file " + file + " is empty.");
        }
        long[] size = headerSize(bytes);
        int reduction = 1;
        if (size != null) {
            if (size[0] * size[1] > MAX_PIXELS) {
                throw new ThumbnailException("The image " + file + " has " + size[0] + "x" + size[1]
                        + " pixels, more than Facet decodes (" + MAX_PIXELS / 1_000_000 + " MP).");
            }
            long longSide = Math.max(size[0], size[1]);
            while (reduction < 8 && longSide / (reduction * 2L) >= minLongSide) {
                reduction *= 2;
            }
        }
        int flags = switch (reduction) {
            case 8 -> IMREAD_REDUCED_COLOR_8;
            case 4 -> IMREAD_REDUCED_COLOR_4;
            case 2 -> IMREAD_REDUCED_COLOR_2;
            default -> IMREAD_COLOR;
        };
        Mat image;
        try (BytePointer data = new BytePointer(bytes); Mat encoded = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, data)) {
            image = imdecode(encoded, flags);
        } catch (RuntimeException e) {
            throw new ThumbnailException("Cannot decode " + file + ": " + e.getMessage(), e);
        }
        if (image == null || image.empty()) {
            if (image != null) {
                image.close();
            }
            throw new ThumbnailException("The file " + file + " is not an image Facet can decode, or it is damaged.");
        }
        return new Decoded(image, reduction);
    }

    /** A decoded image and the reduction used (1, 2, 4 or 8). Closing it frees the pixels. */
    record Decoded(Mat image, int reduction) implements AutoCloseable {
        @Override
        public void close() {
            image.close();
        }
    }

    /** @return {width, height} from the header without decoding the pixels, or null when no reader knows the format */
    private static long[] headerSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new long[]{reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // A header Java cannot read (e.g. WebP) is decoded at full size; OpenCV reports real damage itself.
            return null;
        }
    }
}
