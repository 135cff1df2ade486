package app.facet.model;

/**
 * Per-face quality measures, computed in core when the face is stored.
 *
 * @param faceSizePx  the shorter side of the bounding box, original-image pixels
 * @param sharpness   variance of the Laplacian of the aligned 112x112 grey face (higher is sharper)
 * @param brightness  mean grey level of the aligned face, 0..255
 * @param contrast    standard deviation of the grey level of the aligned face, 0..255
 * @param frontalPose 0..1 estimate of how frontal the face is, from the landmarks (1 = frontal); NaN without landmarks
 * @param overall     0..1 combined score (formula in docs/QUALITY.md)
 * @param label       label of {@code overall}
 */
public record QualityMetrics(double faceSizePx, double sharpness, double brightness, double contrast,
                             double frontalPose, double overall, QualityLabel label) {
}
