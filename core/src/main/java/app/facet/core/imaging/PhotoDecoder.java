package app.facet.core.imaging;

import app.facet.core.imaging.PhotoAnalysisException.Reason;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * Decodes an {@link EncodedPhoto} with OpenCV into 8-bit BGR (grey, RGBA and 16-bit inputs are converted by
 * IMREAD_COLOR; alpha is dropped) and applies the EXIF orientation explicitly: OpenCV is told to ignore it
 * so that the same rule applies to every format and the orientation we report is the one we applied.
 * <p>
 * Reduced decoding: libjpeg can decode a JPEG at 1/2, 1/4 or 1/8 scale by skipping DCT coefficients,
 * which is 2-4x faster than a full decode plus resize. {@link #reductionFor} picks the largest
 * reduction that keeps the decoded long side at or above what the caller needs (the detection size),
 * so detection sees the same pixels it would have after downscaling a full decode. Other formats
 * always decode at full resolution (OpenCV would decode fully and resize, which gains nothing).
 * Thread-safe.
 */
public final class PhotoDecoder {

    /**
     * @param minLongSide the smallest decoded long side the caller can accept, pixels
     * @return 1, 2, 4 or 8: the largest reduction whose decoded long side is still at least {@code minLongSide}
     */
    public static int reductionFor(ImageHeader header, int minLongSide) {
        if (!header.format().supportsReducedDecode()) {
            return 1;
        }
        int longSide = Math.max(header.storedWidth(), header.storedHeight());
        for (int r = 8; r >= 2; r /= 2) {
            if ((longSide + r - 1) / r >= minLongSide) {
                return r;
            }
        }
        return 1;
    }

    /**
     * @param reduction 1, 2, 4 or 8 (ignored, i.e. 1, for formats other than JPEG)
     * @throws PhotoAnalysisException CORRUPT_IMAGE when OpenCV cannot decode the data
     */
    public DecodedPhoto decode(EncodedPhoto photo, int reduction) throws PhotoAnalysisException {
        ImageHeader header = photo.header();
        int r = header.format().supportsReducedDecode() ? reduction : 1;
        int flags = IMREAD_IGNORE_ORIENTATION | switch (r) {
            case 1 -> IMREAD_COLOR;
            case 2 -> IMREAD_REDUCED_COLOR_2;
            case 4 -> IMREAD_REDUCED_COLOR_4;
            case 8 -> IMREAD_REDUCED_COLOR_8;
            default -> throw new IllegalArgumentException("reduction must be 1, 2, 4 or 8, got " + reduction);
        };
        Mat stored;
        try (Mat buffer = new Mat(1, (int) photo.size(), CV_8UC1, photo.data())) {
            stored = imdecode(buffer, flags);
        } catch (RuntimeException e) {
            throw new PhotoAnalysisException(Reason.CORRUPT_IMAGE,
                    "The " + header.format() + " data cannot be decoded: " + e.getMessage() + ".", e);
        }
        if (stored == null || stored.empty()) {
            throw new PhotoAnalysisException(Reason.CORRUPT_IMAGE,
                    "The " + header.format() + " data cannot be decoded (the file is damaged or uses an unsupported variant).");
        }
        Mat oriented = ExifOrientation.apply(stored, header.orientation());
        if (oriented != stored) {
            stored.close();
        }
        // At full resolution the pixels are the truth (a header can disagree, e.g. a multi-page TIFF);
        // when reduced, libjpeg rounds the size up, so the header's size is the full-resolution one.
        int width = r == 1 ? oriented.cols() : header.orientedWidth();
        int height = r == 1 ? oriented.rows() : header.orientedHeight();
        return new DecodedPhoto(oriented, width, height, r, header);
    }
}
