package app.facet.core.alignment;

import app.facet.model.Point2;

import java.util.List;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation; no reflection, no shear):
 * x' = a*x - b*y + tx, y' = b*x + a*y + ty.
 *
 * @param a  scale * cos(angle)
 * @param b  scale * sin(angle)
 * @param tx translation x
 * @param ty translation y
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    /**
     * Least-squares fit mapping {@code src[i]} onto {@code dst[i]} (Umeyama's method without reflection,
     * which in 2-D has this closed form: with both point sets centred, a = sum(x.u + y.v) / sum|x|^2 and
     * b = sum(x.v - y.u) / sum|x|^2).
     *
     * @throws IllegalArgumentException with fewer than 2 points, unequal counts, or all source points equal
     */
    public static SimilarityTransform estimate(List<Point2> src, List<Point2> dst) {
        int n = src.size();
        if (n < 2 || dst.size() != n) {
            throw new IllegalArgumentException("need at least 2 point pairs of equal count, got " + n + " and " + dst.size());
        }
        double sx = 0, sy = 0, dx = 0, dy = 0;
        for (int i = 0; i < n; i++) {
            sx += src.get(i).x();
            sy += src.get(i).y();
            dx += dst.get(i).x();
            dy += dst.get(i).y();
        }
        sx /= n;
        sy /= n;
        dx /= n;
        dy /= n;
        double num1 = 0, num2 = 0, den = 0;
        for (int i = 0; i < n; i++) {
            double x = src.get(i).x() - sx, y = src.get(i).y() - sy;
            double u = dst.get(i).x() - dx, v = dst.get(i).y() - dy;
            num1 += x * u + y * v;
            num2 += x * v - y * u;
            den += x * x + y * y;
        }
        if (!(den > 1e-12)) {
            throw new IllegalArgumentException("source points are all equal: no similarity transform");
        }
        double a = num1 / den, b = num2 / den;
        return new SimilarityTransform(a, b, dx - (a * sx - b * sy), dy - (b * sx + a * sy));
    }

    public Point2 apply(Point2 p) {
        return new Point2(a * p.x() - b * p.y() + tx, b * p.x() + a * p.y() + ty);
    }

    public double scale() {
        return Math.hypot(a, b);
    }

    /** @return the 2x3 row-major matrix {a, -b, tx, b, a, ty} for OpenCV's warpAffine */
    public double[] toAffineRowMajor() {
        return new double[]{a, -b, tx, b, a, ty};
    }
}
