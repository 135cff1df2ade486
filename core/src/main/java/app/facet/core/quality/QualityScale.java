package app.facet.core.quality;

/**
 * Maps each raw measure to a sub-score in (0, 1]: smooth and strictly monotone (logistic or rational curves, no
 * clamping), so any loss in a measure lowers the score a little, never nothing. The constants and how they were
 * chosen are in docs/QUALITY.md ("Calibration").
 */
final class QualityScale {

    /**
     * Sharpness at which the sharpness sub-score is 0.5: between the medians of the calibration faces blurred with
     * sigma 1.6 (0.062) and 2.5 (0.034) face-scale pixels. Slope per natural-log unit of sharpness.
     */
    static final double SHARP_MID = 0.045, SHARP_SLOPE = 1.5;
    /** Blockiness at which the blockiness sub-score is 0.5: the calibration faces' median at JPEG quality 5 (0.086). */
    static final double BLOCK_MID = 0.09;
    /** Mean grey level below which (above which) a face counts as too dark (too bright); width of the transition. */
    static final double DARK = 45, BRIGHT = 225, EXPOSURE_WIDTH = 12;
    /** Grey-level standard deviation below which a face counts as flat; width of the transition. */
    static final double FLAT = 16, FLAT_WIDTH = 6;
    /** Face size (shorter box side, px) at which the size sub-score is 0.5. */
    static final double SIZE_MID = 64;

    private QualityScale() {
    }

    static double sharpness(double sharpness) {
        return logistic(SHARP_SLOPE * Math.log(Math.max(sharpness, 1e-6) / SHARP_MID));
    }

    static double blockiness(double blockiness) {
        double r = blockiness / BLOCK_MID;
        return 1 / (1 + r * r);
    }

    static double exposure(double brightness, double contrast) {
        return logistic((brightness - DARK) / EXPOSURE_WIDTH) * logistic((BRIGHT - brightness) / EXPOSURE_WIDTH)
                * logistic((contrast - FLAT) / FLAT_WIDTH);
    }

    static double size(double faceSizePx) {
        double r = SIZE_MID / Math.max(faceSizePx, 1e-3);
        return 1 / (1 + r * r);
    }

    /** A turned face keeps a floor: pose alone should not zero a sharp, well-lit face. */
    static double pose(double frontalPose) {
        return 0.2 + 0.8 * frontalPose;
    }

    /** A detection score of 0 (a box no detector confirmed) halves this sub-score, 1 leaves it whole. */
    static double detection(double detectionScore) {
        return 0.5 + 0.5 * Math.max(0, Math.min(1, detectionScore));
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
