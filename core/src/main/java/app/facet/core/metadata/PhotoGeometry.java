package app.facet.core.metadata;

import app.facet.model.BoundingBox;

/**
 * A photo's size after EXIF orientation and its orientation, and the mapping between the image as stored (where
 * XMP regions live, per the MWG guidelines) and the oriented image (where Facet's boxes live).
 *
 * @param orientedWidth  width after EXIF orientation, pixels (&gt; 0)
 * @param orientedHeight height after EXIF orientation, pixels (&gt; 0)
 * @param orientation    EXIF orientation 1..8 (1 = as stored)
 */
public record PhotoGeometry(int orientedWidth, int orientedHeight, int orientation) {

    public PhotoGeometry {
        if (orientedWidth <= 0 || orientedHeight <= 0) {
            throw new IllegalArgumentException("oriented size must be positive, got " + orientedWidth + "x" + orientedHeight);
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation must be 1..8, got " + orientation);
        }
    }

    /** @param orientation EXIF tag, or null / out of range, which Facet treats as 1 everywhere */
    public static PhotoGeometry of(int orientedWidth, int orientedHeight, Integer orientation) {
        int o = orientation == null || orientation < 1 || orientation > 8 ? 1 : orientation;
        return new PhotoGeometry(orientedWidth, orientedHeight, o);
    }

    /** @return true for orientations 5..8, which swap the stored width and height */
    public boolean swapsAxes() {
        return orientation >= 5;
    }

    /** @return width of the pixel data as stored, pixels */
    public int storedWidth() {
        return swapsAxes() ? orientedHeight : orientedWidth;
    }

    /** @return height of the pixel data as stored, pixels */
    public int storedHeight() {
        return swapsAxes() ? orientedWidth : orientedHeight;
    }

    /** @return the stored-image rectangle as a Facet box: oriented original-image pixels */
    BoundingBox toOriented(NormalizedBox stored) {
        double[] a = toOrientedFraction(stored.x(), stored.y());
        double[] b = toOrientedFraction(stored.right(), stored.bottom());
        double x0 = Math.min(a[0], b[0]), x1 = Math.max(a[0], b[0]);
        double y0 = Math.min(a[1], b[1]), y1 = Math.max(a[1], b[1]);
        return new BoundingBox(x0 * orientedWidth, y0 * orientedHeight, (x1 - x0) * orientedWidth, (y1 - y0) * orientedHeight);
    }

    /** @return a Facet box (oriented pixels) as fractions of the stored image, the space regions are written in */
    NormalizedBox toStored(BoundingBox oriented) {
        double[] a = toStoredFraction(oriented.x() / orientedWidth, oriented.y() / orientedHeight);
        double[] b = toStoredFraction(oriented.right() / orientedWidth, oriented.bottom() / orientedHeight);
        double x0 = Math.min(a[0], b[0]), x1 = Math.max(a[0], b[0]);
        double y0 = Math.min(a[1], b[1]), y1 = Math.max(a[1], b[1]);
        return new NormalizedBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** Where a point of the stored image (fractions u, v) is shown after EXIF orientation (fractions). */
    private double[] toOrientedFraction(double u, double v) {
        return switch (orientation) {
            case 1 -> new double[]{u, v};
            case 2 -> new double[]{1 - u, v};          // mirror horizontal
            case 3 -> new double[]{1 - u, 1 - v};      // rotate 180
            case 4 -> new double[]{u, 1 - v};          // mirror vertical
            case 5 -> new double[]{v, u};              // transpose
            case 6 -> new double[]{1 - v, u};          // rotate 90 CW
            case 7 -> new double[]{1 - v, 1 - u};      // transverse
            case 8 -> new double[]{v, 1 - u};          // rotate 90 CCW
            default -> throw new IllegalStateException("orientation " + orientation);
        };
    }

    /** The inverse of {@link #toOrientedFraction}. */
    private double[] toStoredFraction(double u, double v) {
        return switch (orientation) {
            case 1 -> new double[]{u, v};
            case 2 -> new double[]{1 - u, v};
            case 3 -> new double[]{1 - u, 1 - v};
            case 4 -> new double[]{u, 1 - v};
            case 5 -> new double[]{v, u};
            case 6 -> new double[]{v, 1 - u};
            case 7 -> new double[]{1 - v, 1 - u};
            case 8 -> new double[]{1 - v, u};
            default -> throw new IllegalStateException("orientation " + orientation);
        };
    }
}
