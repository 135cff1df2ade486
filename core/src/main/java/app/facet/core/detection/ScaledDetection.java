package app.facet.core.detection;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Runs a detector on a copy of the image whose long side is at most the detection size, then maps boxes and
 * landmarks back to the given image's pixels and clips boxes to it. Detection cost grows with the pixel
 * count (YuNet: ~15 ms at 640 px, over 1 s at 4000x3000 on 2 cores) while the smallest face it finds is
 * ~10 px at the detection scale; docs/PERFORMANCE.md ("Detection size") gives the measured trade-off.
 */
public final class ScaledDetection {

    /** Default long side of the detection image, chosen from the benchmark in docs/PERFORMANCE.md. */
    public static final int DEFAULT_DETECTION_SIZE = 1280;

    private ScaledDetection() {
    }

    /**
     * @param detectionSize long side of the detection image in pixels; 0 or less = detect at the image's own size
     * @return faces in {@code bgr}'s pixels, boxes clipped to it (faces entirely outside are dropped), best first
     */
    public static List<DetectedFace> detect(FaceDetector detector, Mat bgr, int detectionSize) {
        int longSide = Math.max(bgr.cols(), bgr.rows());
        if (detectionSize <= 0 || longSide <= detectionSize) {
            return clip(detector.detect(bgr), 1, 1, bgr.cols(), bgr.rows());
        }
        double s = (double) detectionSize / longSide;
        int w = Math.max(1, (int) Math.round(bgr.cols() * s));
        int h = Math.max(1, (int) Math.round(bgr.rows() * s));
        try (Mat small = new Mat(); Size size = new Size(w, h)) {
            // Mild shrinking (the usual case after a reduced JPEG decode) uses bilinear sampling, as YuNet's own demo does:
            // INTER_AREA costs 17 ms on 2000x1500 -> 1280x960 against 3 ms. Below half size bilinear would skip pixels
            // (aliasing), so area averaging is used there.
            resize(bgr, small, size, 0, 0, s >= 0.5 ? INTER_LINEAR : INTER_AREA);
            return clip(detector.detect(small), (double) bgr.cols() / w, (double) bgr.rows() / h, bgr.cols(), bgr.rows());
        }
    }

    private static List<DetectedFace> clip(List<DetectedFace> faces, double sx, double sy, int width, int height) {
        List<DetectedFace> out = new ArrayList<>(faces.size());
        for (DetectedFace f : faces) {
            DetectedFace c = f.mapped(sx, sy, 0, 0).clippedTo(width, height);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
