package app.facet.core.alignment;

import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;
import app.facet.model.Point2;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Produces the 112x112 face image that embedding models expect. With landmarks: the least-squares
 * similarity transform of the five landmarks onto the standard ArcFace/SFace template, then warpAffine
 * (this is what OpenCV's FaceRecognizerSF.alignCrop does). Without landmarks (Haar detections, a manual
 * box with no face re-detected in it): the square of side max(w, h) centred on the box, resized to 112x112;
 * such faces embed less reliably (models/README: 4-8 points of verification accuracy lower).
 * Stateless and thread-safe.
 */
public final class FaceAligner {

    /** Output side, pixels. */
    public static final int SIZE = 112;

    /** Template landmark positions in the 112x112 output: right eye, left eye, nose tip, right and left mouth corners. */
    public static final List<Point2> TEMPLATE = List.of(
            new Point2(38.2946, 51.6963), new Point2(73.5318, 51.5014), new Point2(56.0252, 71.7366),
            new Point2(41.5493, 92.3655), new Point2(70.7299, 92.2041));

    /** Eye distance in the template, pixels: a face with fewer pixels between its eyes is enlarged by alignment. */
    public static final double TEMPLATE_EYE_DISTANCE = 35.24;

    /**
     * @param image     BGR image
     * @param landmarks five landmarks in {@code image}'s pixels
     * @return new 112x112 BGR Mat (caller closes)
     */
    public Mat align(Mat image, Landmarks landmarks) {
        SimilarityTransform t = SimilarityTransform.estimate(landmarks.asList(), TEMPLATE);
        if (t.scale() >= 0.5) {
            return warp(image, t.toAffineRowMajor());
        }
        // A face much larger than 112 px: bilinear warping would alias (skip pixels), so first shrink the
        // region the output covers with area averaging, then warp at a scale near 1.
        Rect roi = sourceRegion(t, image.cols(), image.rows());
        if (roi == null) {
            return warp(image, t.toAffineRowMajor());
        }
        try (roi; Mat region = new Mat(image, roi); Mat small = new Mat();
             Size size = new Size(Math.max(1, (int) Math.round(roi.width() * t.scale() * 1.5)),
                     Math.max(1, (int) Math.round(roi.height() * t.scale() * 1.5)))) {
            resize(region, small, size, 0, 0, INTER_AREA);
            double kx = (double) small.cols() / roi.width(), ky = (double) small.rows() / roi.height();
            Point2[] moved = landmarks.asList().stream()
                    .map(p -> new Point2((p.x() - roi.x()) * kx, (p.y() - roi.y()) * ky)).toArray(Point2[]::new);
            SimilarityTransform t2 = SimilarityTransform.estimate(List.of(moved), TEMPLATE);
            return warp(small, t2.toAffineRowMajor());
        }
    }

    /** @return the image rectangle that the 112x112 output samples from, clipped; null when empty */
    private static Rect sourceRegion(SimilarityTransform t, int width, int height) {
        double d = t.a() * t.a() + t.b() * t.b();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int[] c : new int[][]{{0, 0}, {SIZE, 0}, {0, SIZE}, {SIZE, SIZE}}) {
            double u = c[0] - t.tx(), v = c[1] - t.ty();
            double x = (t.a() * u + t.b() * v) / d, y = (-t.b() * u + t.a() * v) / d;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        int x0 = (int) Math.max(0, Math.floor(minX) - 2), y0 = (int) Math.max(0, Math.floor(minY) - 2);
        int x1 = (int) Math.min(width, Math.ceil(maxX) + 2), y1 = (int) Math.min(height, Math.ceil(maxY) + 2);
        return x1 > x0 && y1 > y0 ? new Rect(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /**
     * Fallback without landmarks.
     *
     * @param box face box in {@code image}'s pixels
     * @return new 112x112 BGR Mat (caller closes); parts outside the image are black
     */
    public Mat alignBox(Mat image, BoundingBox box) {
        double side = Math.max(box.w(), box.h());
        double s = SIZE / side;
        double x0 = box.x() + box.w() / 2 - side / 2, y0 = box.y() + box.h() / 2 - side / 2;
        return warp(image, new double[]{s, 0, -x0 * s, 0, s, -y0 * s});
    }

    private static Mat warp(Mat image, double[] m) {
        Mat out = new Mat();
        try (Mat affine = new Mat(2, 3, CV_64F); Size size = new Size(SIZE, SIZE); Scalar black = new Scalar(0, 0, 0, 0)) {
            try (DoubleIndexer ix = affine.createIndexer()) {
                for (int i = 0; i < 6; i++) {
                    ix.put(i / 3, i % 3, m[i]);
                }
            }
            warpAffine(image, out, affine, size, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        return out;
    }
}
