package app.facet.core.imaging;

import java.nio.file.Path;

/**
 * A photo file read into memory and checked (non-empty, a supported image, complete, within the pixel limit),
 * but not yet decoded. Decoding from these bytes (not from the path) keeps OpenCV away from file-name
 * encodings, so paths with spaces and non-ASCII characters behave like any other.
 *
 * @param path   the file as given
 * @param bytes  the whole file; not copied, do not modify
 * @param header header facts (format, stored size, EXIF orientation and date)
 */
public record EncodedPhoto(Path path, byte[] bytes, ImageHeader header) {
}
