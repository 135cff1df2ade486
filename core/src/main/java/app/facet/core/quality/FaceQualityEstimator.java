package app.facet.core.quality;

import app.facet.core.alignment.FaceAligner;
import app.facet.core.alignment.SimilarityTransform;
import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Measures how good a face is for a person and for recognition, on the aligned 112x112 face the embedding model sees.
 * The method, its sources and its calibration are in docs/QUALITY.md. In short: sharpness (net of noise) and JPEG
 * blockiness are measured relative to the face itself (scale-free), exposure from brightness and contrast, size from the box,
 * pose from the landmarks; each becomes a sub-score in (0, 1] and the overall score is their weighted geometric mean,
 * so one bad aspect pulls the whole face down. Without landmarks no detector confirmed eyes, nose and mouth, so the
 * score is multiplied by {@link #UNCONFIRMED_STRUCTURE} and can never reach "excellent". Stateless and thread-safe.
 */
public final class FaceQualityEstimator {

    static final double W_SHARP = 0.45, W_BLOCK = 0.12, W_EXPOSURE = 0.15, W_SIZE = 0.16,
            W_POSE = 0.08, W_DETECTION = 0.04;
    /** Factor for a face without landmarks: keeps it below the "excellent" threshold (0.75). */
    static final double UNCONFIRMED_STRUCTURE = 0.72;

    /**
     * The catalog's sharpness column holds {@link AlignedFaceMeasures#sharpness()} in thousandths (about 100 for a
     * crisp face, 30 for a visibly blurred one), so it reads well as a whole number, as the dashboard shows it.
     */
    public static final double STORED_SHARPNESS_SCALE = 1000;

    private final AlignedFaceMeasurer measurer = new AlignedFaceMeasurer();

    /**
     * @param alignedBgr     the aligned 112x112 BGR face ({@link FaceAligner#align} or {@link FaceAligner#alignBox})
     * @param box            the face box in original-image pixels after EXIF orientation
     * @param landmarks      five landmarks in the same space, or null when no detector gave any
     * @param detectionScore detector confidence in [0, 1]; 0 for a box no detector confirmed
     * @return the stored measures with the overall score and its label: face size = shorter box side in original
     *         pixels, sharpness = {@link AlignedFaceMeasures#sharpness()} × {@link #STORED_SHARPNESS_SCALE},
     *         brightness and contrast = mean and standard deviation of the grey inner face (0..255), frontal pose 0..1
     *         or NaN, overall 0..1
     * @throws IllegalArgumentException when the face is not 112x112
     */
    public QualityMetrics estimate(Mat alignedBgr, BoundingBox box, Landmarks landmarks, double detectionScore) {
        return assess(alignedBgr, box, landmarks, detectionScore).metrics();
    }

    /** As {@link #estimate}, with every raw measure and sub-score (for reports and tests). */
    public QualityAssessment assess(Mat alignedBgr, BoundingBox box, Landmarks landmarks, double detectionScore) {
        AlignedFaceMeasures m = measurer.measure(alignedBgr, grid(box, landmarks));
        double sizePx = Math.min(box.w(), box.h());
        double pose = frontalPose(landmarks);
        QualityAssessment.SubScores s = new QualityAssessment.SubScores(
                QualityScale.sharpness(m.sharpness()), QualityScale.blockiness(m.blockiness()),
                QualityScale.exposure(m.brightness(), m.contrast()), QualityScale.size(sizePx),
                Double.isNaN(pose) ? Double.NaN : QualityScale.pose(pose), QualityScale.detection(detectionScore));
        double overall = combine(s);
        QualityMetrics metrics = new QualityMetrics(sizePx, STORED_SHARPNESS_SCALE * m.sharpness(), m.brightness(),
                m.contrast(), pose, overall, QualityLabel.of(overall));
        return new QualityAssessment(m, s, metrics);
    }

    /** Weighted geometric mean; pose left out (weights renormalised) and the structure factor applied without landmarks. */
    static double combine(QualityAssessment.SubScores s) {
        double logSum = W_SHARP * Math.log(s.sharpness()) + W_BLOCK * Math.log(s.blockiness())
                + W_EXPOSURE * Math.log(s.exposure()) + W_SIZE * Math.log(s.size()) + W_DETECTION * Math.log(s.detection());
        double weights = W_SHARP + W_BLOCK + W_EXPOSURE + W_SIZE + W_DETECTION;
        boolean structure = !Double.isNaN(s.pose());
        if (structure) {
            logSum += W_POSE * Math.log(s.pose());
            weights += W_POSE;
        }
        double overall = Math.exp(logSum / weights) * (structure ? 1 : UNCONFIRMED_STRUCTURE);
        return Double.isNaN(overall) ? 0 : Math.max(0, Math.min(1, overall));
    }

    /** @return the original pixel grid in the aligned face: the aligner's similarity transform, or the box's scaling */
    static AlignedFaceMeasurer.BlockGrid grid(BoundingBox box, Landmarks lm) {
        if (lm != null) {
            try {
                SimilarityTransform t = SimilarityTransform.estimate(lm.asList(), FaceAligner.TEMPLATE);
                return new AlignedFaceMeasurer.BlockGrid(t.scale(), Math.atan2(t.b(), t.a()));
            } catch (IllegalArgumentException degenerate) {
                // all landmarks on one point: the aligner could not use them either; fall back to the box
            }
        }
        return new AlignedFaceMeasurer.BlockGrid(FaceAligner.SIZE / Math.max(box.w(), box.h()), 0);
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

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
