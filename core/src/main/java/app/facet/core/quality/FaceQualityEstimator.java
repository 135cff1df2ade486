package app.facet.core.quality;

import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Measures how useful a face is for recognition. The formula and its reasons are in docs/QUALITY.md:
 * overall = weighted mean of size, sharpness, pose, exposure and detection-score sub-scores, each in [0, 1]
 * (pose is left out, and the weights renormalised, when there are no landmarks). Stateless and thread-safe.
 */
public final class FaceQualityEstimator {

    static final double W_SIZE = 0.30, W_SHARP = 0.25, W_POSE = 0.20, W_EXPOSURE = 0.15, W_SCORE = 0.10;

    /**
     * @param alignedBgr     the aligned 112x112 BGR face
     * @param box            the face box in original-image pixels after EXIF orientation
     * @param landmarks      five landmarks in the same space, or null
     * @param detectionScore detector confidence in [0, 1]
     */
    public QualityMetrics estimate(Mat alignedBgr, BoundingBox box, Landmarks landmarks, double detectionScore) {
        double sizePx = Math.min(box.w(), box.h());
        double sharpness, brightness, contrast;
        try (Mat grey = new Mat(); Mat lap = new Mat(); Mat mean = new Mat(); Mat std = new Mat();
             Mat lapMean = new Mat(); Mat lapStd = new Mat()) {
            cvtColor(alignedBgr, grey, COLOR_BGR2GRAY);
            meanStdDev(grey, mean, std);
            Laplacian(grey, lap, CV_64F);
            meanStdDev(lap, lapMean, lapStd);
            brightness = first(mean);
            contrast = first(std);
            double s = first(lapStd);
            sharpness = s * s;
        }
        double pose = frontalPose(landmarks);
        double sizeScore = clamp((sizePx - 24) / (112 - 24));
        double sharpScore = clamp((Math.log10(Math.max(sharpness, 1e-9)) - 1) / (Math.log10(400) - 1));
        double exposureScore = 0.5 * clamp(1 - Math.abs(brightness - 125) / 100) + 0.5 * clamp(contrast / 40);
        double scoreScore = clamp((detectionScore - 0.5) / 0.45);
        double sum = W_SIZE * sizeScore + W_SHARP * sharpScore + W_EXPOSURE * exposureScore + W_SCORE * scoreScore;
        double weights = W_SIZE + W_SHARP + W_EXPOSURE + W_SCORE;
        if (!Double.isNaN(pose)) {
            sum += W_POSE * pose;
            weights += W_POSE;
        }
        double overall = clamp(sum / weights);
        return new QualityMetrics(sizePx, sharpness, brightness, contrast, pose, overall, QualityLabel.of(overall));
    }

    /**
     * @return 1 for a frontal, upright face, falling to 0 as the nose moves sideways off the eye midline (yaw)
     *         or the eye line tilts (roll); NaN without landmarks
     */
    public static double frontalPose(Landmarks lm) {
        if (lm == null) {
            return Double.NaN;
        }
        double ex = lm.leftEye().x() - lm.rightEye().x(), ey = lm.leftEye().y() - lm.rightEye().y();
        double eyeDistance = Math.hypot(ex, ey);
        if (!(eyeDistance > 1e-6)) {
            return 0;
        }
        double mx = (lm.leftEye().x() + lm.rightEye().x()) / 2, my = (lm.leftEye().y() + lm.rightEye().y()) / 2;
        // nose offset along the eye line, relative to the eye distance: 0 frontal, ~0.5 nose over one eye (strong yaw)
        double yaw = Math.abs(((lm.nose().x() - mx) * ex + (lm.nose().y() - my) * ey) / (eyeDistance * eyeDistance));
        double rollDeg = Math.abs(Math.toDegrees(Math.atan2(ey, ex)));
        double yawScore = clamp(1 - yaw / 0.35);
        double rollScore = clamp(1 - rollDeg / 60);
        return yawScore * (0.5 + 0.5 * rollScore);
    }

    private static double first(Mat m) {
        try (DoubleIndexer ix = m.createIndexer()) {
            return ix.get(0, 0);
        }
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
