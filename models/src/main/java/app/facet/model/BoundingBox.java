package app.facet.model;

/**
 * Axis-aligned face bounding box in original-image pixels, after EXIF orientation
 * (origin top-left, x to the right, y down). Width and height are strictly positive.
 */
public record BoundingBox(double x, double y, double w, double h) {
    public BoundingBox {
        if (!(w > 0) || !(h > 0) || !Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(w) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("bounding box needs finite values and w > 0, h > 0, got " + x + "," + y + "," + w + "," + h);
        }
    }

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }

    public double area() {
        return w * h;
    }

    /** @return true when the box lies within a {@code width x height} image, allowing {@code tolerancePx} of slack. */
    public boolean insideImage(int width, int height, double tolerancePx) {
        return x >= -tolerancePx && y >= -tolerancePx && right() <= width + tolerancePx && bottom() <= height + tolerancePx;
    }

    /** @return the part of this box inside a {@code width x height} image, or null when nothing is left. */
    public BoundingBox clippedTo(int width, int height) {
        double x0 = Math.max(0, x), y0 = Math.max(0, y);
        double x1 = Math.min(width, right()), y1 = Math.min(height, bottom());
        return x1 > x0 && y1 > y0 ? new BoundingBox(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /** Intersection over union with another box, in [0, 1]. */
    public double iou(BoundingBox o) {
        double ix = Math.max(0, Math.min(right(), o.right()) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(bottom(), o.bottom()) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** @return this box scaled by {@code s} about the origin (e.g. from a downscaled detection image back to original pixels). */
    public BoundingBox scaled(double s) {
        return new BoundingBox(x * s, y * s, w * s, h * s);
    }
}
