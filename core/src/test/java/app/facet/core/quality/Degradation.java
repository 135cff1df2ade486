package app.facet.core.quality;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The five degradations of the quality test, each with five increasing levels (level 0 = untouched). Levels are
 * in pixels of the face at template scale (eye distance {@code FaceAligner.TEMPLATE_EYE_DISTANCE}), so a level
 * means the same thing for a small and a large face. Deterministic: noise uses a fixed seed.
 */
enum Degradation {
    /** Gaussian blur, sigma in face-scale pixels. */
    BLUR(0.6, 1.0, 1.6, 2.5, 4.0),
    /** Exposure multiplied by the factor (8-bit, rounded). */
    DARKEN(0.7, 0.5, 0.35, 0.22, 0.12),
    /** Additive Gaussian noise, standard deviation in grey levels. */
    NOISE(8, 12, 18, 26, 38),
    /** JPEG re-encoding at the quality (0..100). */
    JPEG(10, 7, 5, 3, 2),
    /** Reduced by the factor with area averaging, then enlarged back bilinearly. */
    DOWN_UP(1.5, 2, 3, 4, 6);

    private final double[] levels;

    Degradation(double... levels) {
        this.levels = levels;
    }

    int levelCount() {
        return levels.length;
    }

    double level(int i) {
        return levels[i - 1];
    }

    /** @param level 1..5 @return a new degraded copy of the 8-bit BGR image (caller closes) */
    Mat apply(Mat bgr, int level) {
        double v = levels[level - 1];
        Mat out = new Mat();
        switch (this) {
            case BLUR -> {
                try (Size k = new Size(0, 0)) {
                    GaussianBlur(bgr, out, k, v);
                }
            }
            case DARKEN -> bgr.convertTo(out, -1, v, 0);
            case NOISE -> {
                bgr.copyTo(out);
                java.util.Random random = new java.util.Random(42L + level);
                try (UByteIndexer ix = out.createIndexer()) {
                    for (long y = 0; y < out.rows(); y++) {
                        for (long x = 0; x < out.cols(); x++) {
                            for (long c = 0; c < out.channels(); c++) {
                                long value = Math.round(ix.get(y, x, c) + v * random.nextGaussian());
                                ix.put(y, x, c, (int) Math.max(0, Math.min(255, value)));
                            }
                        }
                    }
                }
            }
            case JPEG -> {
                try (BytePointer buf = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, (int) v)) {
                    imencode(".jpg", bgr, buf, params);
                    try (Mat encoded = new Mat(1, (int) buf.limit(), org.bytedeco.opencv.global.opencv_core.CV_8UC1, buf)) {
                        Mat decoded = imdecode(encoded, IMREAD_COLOR);
                        decoded.copyTo(out);
                        decoded.close();
                    }
                }
            }
            case DOWN_UP -> {
                try (Mat small = new Mat(); Size s = new Size(Math.max(1, (int) Math.round(bgr.cols() / v)), Math.max(1, (int) Math.round(bgr.rows() / v)))) {
                    resize(bgr, small, s, 0, 0, INTER_AREA);
                    resize(small, out, bgr.size(), 0, 0, INTER_LINEAR);
                }
            }
        }
        return out;
    }
}
