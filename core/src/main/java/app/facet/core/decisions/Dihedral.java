package app.facet.core.decisions;

import app.facet.model.BoundingBox;

/**
 * The eight lossless orientation changes of an image (rotations by quarter turns, mirror images), as another program
 * applies them when it rotates a photo's pixels and resets the EXIF orientation tag. {@link #map} takes a box of the
 * image before the change to the image after it.
 */
public enum Dihedral {
    IDENTITY(false), ROTATE_90(true), ROTATE_180(false), ROTATE_270(true),
    FLIP_HORIZONTAL(false), FLIP_VERTICAL(false), TRANSPOSE(true), TRANSVERSE(true);

    private final boolean swapsSides;

    Dihedral(boolean swapsSides) {
        this.swapsSides = swapsSides;
    }

    /** @return true when the image's width and height trade places (quarter turns, transpositions) */
    public boolean swapsSides() {
        return swapsSides;
    }

    /**
     * @param box    bounding box in the pixels of the {@code width x height} image before the change
     * @return the same region in the pixels of the image after the change (clockwise rotations)
     */
    public BoundingBox map(BoundingBox box, double width, double height) {
        double[] a = point(box.x(), box.y(), width, height);
        double[] b = point(box.right(), box.bottom(), width, height);
        return new BoundingBox(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
    }

    private double[] point(double x, double y, double w, double h) {
        return switch (this) {
            case IDENTITY -> new double[]{x, y};
            case ROTATE_90 -> new double[]{h - y, x};
            case ROTATE_180 -> new double[]{w - x, h - y};
            case ROTATE_270 -> new double[]{y, w - x};
            case FLIP_HORIZONTAL -> new double[]{w - x, y};
            case FLIP_VERTICAL -> new double[]{x, h - y};
            case TRANSPOSE -> new double[]{y, x};
            case TRANSVERSE -> new double[]{h - y, w - x};
        };
    }
}
