package app.facet.model;

/** A point in original-image pixels, after EXIF orientation. */
public record Point2(double x, double y) {
    public Point2 scaled(double s) {
        return new Point2(x * s, y * s);
    }
}
