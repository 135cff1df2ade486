package app.facet.model;

/**
 * Per-face quality measures, computed in core when the face is stored.
 *
 * @param faceSizePx  the shorter side of the bounding box, original-image pixels
 * @param sharpness   re-blur sharpness of the aligned 112x112 grey face: band energy between blur scales 0.8 and 3.2 px
 *                    minus the energy below 0.8 px, in thousandths of the face's variance (about 100 crisp, 30 blurred;
 *                    higher is sharper; see docs/QUALITY.md)
 * @param brightness  mean grey level of the aligned face, 0..255
 * @param contrast    standard deviation of the grey level of the aligned face, 0..255
 * @param frontalPose 0..1 estimate of how frontal the face is, from the landmarks (1 = frontal); NaN without landmarks
 * @param overall     0..1 combined score (formula in docs/QUALITY.md)
 * @param label       label of {@code overall}
 */
public record QualityMetrics(double faceSizePx, double sharpness, double brightness, double contrast,
                             double frontalPose, double overall, QualityLabel label) {
}
