package app.facet.core.quality;

/**
 * Pixel measures of an aligned 112x112 face, taken over the inner face region (x 20..92, y 28..108 of the template:
 * eyes to chin, cheek to cheek), so background and hair weigh little. "Band energy" is the mean squared difference
 * of two Gaussian-blurred copies of the grey face, divided by the grey-level variance.
 *
 * @param brightness mean grey level, 0..255
 * @param contrast   standard deviation of the grey level, 0..255
 * @param sharpness  band energy between Gaussian scales 0.8 and 3.2 aligned pixels (fine facial detail: eyelids,
 *                   lip edges, nostrils) minus the energy below 0.8 px (where noise lives), dimensionless, at least
 *                   1e-4; about 0.1 for a crisp face, 0.03 for a visibly blurred one. Independent of face size
 *                   (measured after alignment) and of exposure (divided by the variance)
 * @param finest     band energy below 0.8 aligned pixels (noise, JPEG-free texture), dimensionless
 * @param blockiness strength of a grid of edges at JPEG's 8-pixel block period of the original image, relative to
 *                   the contrast, dimensionless (about 0.015 on clean faces, 0.09 at JPEG quality 5)
 */
public record AlignedFaceMeasures(double brightness, double contrast, double sharpness, double finest, double blockiness) {
}
