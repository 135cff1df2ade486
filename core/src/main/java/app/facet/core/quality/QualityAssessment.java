package app.facet.core.quality;

import app.facet.model.QualityMetrics;

/**
 * Everything the estimator found for one face.
 *
 * @param measures raw pixel measures of the aligned face
 * @param scores   each measure's sub-score in (0, 1]
 * @param metrics  what is stored in the catalog (face_size_px, sharpness, brightness, contrast, frontal_pose, quality, quality_label)
 */
public record QualityAssessment(AlignedFaceMeasures measures, SubScores scores, QualityMetrics metrics) {

    /** Sub-scores in (0, 1]; pose is NaN without landmarks. */
    public record SubScores(double sharpness, double blockiness, double exposure, double size,
                            double pose, double detection) {
    }
}
