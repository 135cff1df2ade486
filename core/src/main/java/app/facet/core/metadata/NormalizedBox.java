package app.facet.core.metadata;

/**
 * A rectangle in fractions of the image AS STORED (before EXIF orientation), origin top-left: the space in which
 * MWG and Microsoft regions are written. A region that spills over the edge may have values outside [0, 1].
 *
 * @param x left edge, fraction of the stored width
 * @param y top edge, fraction of the stored height
 * @param w width, fraction of the stored width
 * @param h height, fraction of the stored height
 */
record NormalizedBox(double x, double y, double w, double h) {

    static NormalizedBox fromCentre(double cx, double cy, double w, double h) {
        return new NormalizedBox(cx - w / 2, cy - h / 2, w, h);
    }

    double right() {
        return x + w;
    }

    double bottom() {
        return y + h;
    }

    double centreX() {
        return x + w / 2;
    }

    double centreY() {
        return y + h / 2;
    }

    boolean finite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(w) && Double.isFinite(h);
    }

    /** @return the part inside [0,1] x [0,1], or null when nothing is left */
    NormalizedBox clippedToUnit() {
        double x0 = Math.max(0, x), y0 = Math.max(0, y);
        double x1 = Math.min(1, right()), y1 = Math.min(1, bottom());
        return x1 > x0 && y1 > y0 ? new NormalizedBox(x0, y0, x1 - x0, y1 - y0) : null;
    }
}
