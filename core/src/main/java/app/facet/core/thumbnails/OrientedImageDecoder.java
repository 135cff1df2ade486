package app.facet.core.thumbnails;

import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.imaging.DecodedPhoto;
import app.facet.core.imaging.EncodedPhoto;
import app.facet.core.imaging.EncodedPhotoReader;
import app.facet.core.imaging.PhotoDecoder;

import java.nio.file.Path;

/**
 * Decodes a photo for display exactly as the face analysis does (same reader, pixel limit and EXIF orientation
 * rule, so boxes stored by a scan land on the same pixels), reduced while decoding when a smaller image is enough.
 */
final class OrientedImageDecoder {
    private final EncodedPhotoReader reader = new EncodedPhotoReader(EncodedPhotoReader.DEFAULT_PIXEL_LIMIT);
    private final PhotoDecoder decoder = new PhotoDecoder();

    /**
     * @param minLongSide the decoded long side should be at least this many pixels when the photo has them
     * @return oriented 8-bit BGR pixels and the full-resolution oriented size; the caller closes it
     * @throws ThumbnailException when the file is missing, unreadable, not an image, damaged or too large
     */
    DecodedPhoto decode(Path file, int minLongSide) throws ThumbnailException {
        try (EncodedPhoto encoded = reader.read(file)) {
            return decoder.decode(encoded, PhotoDecoder.reductionFor(encoded.header(), minLongSide));
        } catch (PhotoAnalysisException e) {
            throw new ThumbnailException(e.getMessage(), e);
        }
    }
}
