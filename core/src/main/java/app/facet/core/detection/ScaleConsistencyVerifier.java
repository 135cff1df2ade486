package app.facet.core.detection;

import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.bytedeco.javacpp.indexer.DoubleIndexer;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Second look at detections whose score falls in the uncertain band [score threshold, certain score).
 * <p>
 * Rule: the face is kept when (a) YuNet finds it again, with a score at or above the threshold, in every
 * canonical view of it: the window around the box is rotated upright (eye line horizontal, from the
 * landmarks) and resampled so the face is 48, 96 and 192 px wide (the 48 px view always, larger views only up to twice the face's
 * native width, so a small face is not judged on a blurry enlargement), OR (b) an independent detector
 * (Haar frontal or profile cascade, either side) finds a face overlapping it in the 96 px view (searched only between half and twice the box size).
 * <p>
 * Why: YuNet is trained on faces from ~10 px upwards, so a human face keeps its score when viewed coarser
 * or finer; look-alikes (an animal's face, a pattern) score through texture details that change with
 * scale and fall apart in at least one view. The second detector keeps real faces that YuNet itself
 * wobbles on. Measured on all shared photos and rotated/blurred/dark/grey variants of them:
 * docs/DETECTION.md. Not thread-safe: one instance per thread.
 */
public final class ScaleConsistencyVerifier implements AutoCloseable {

    /** At and above this YuNet score a detection is accepted without a second look (precision was 1.00 there; models/README.md). */
    public static final double DEFAULT_CERTAIN_SCORE = 0.9;
    private static final int[] VIEW_WIDTHS = {48, 96, 192};
    private static final double MIN_IOU = 0.3;
    /** Haar runs on the 96 px view, searching only face sizes from half to twice the box: a few cascade scales, a few ms. */
    private static final int HAAR_VIEW_WIDTH = 96;

    private final FaceDetector yunet;
    private final double scoreThreshold;
    private final double certainScore;
    private final CascadeClassifier frontal;
    private final CascadeClassifier profile;

    /**
     * @param yunet          a YuNet detector whose own threshold is at most {@code scoreThreshold} (owned by this verifier)
     * @param scoreThreshold minimum YuNet score in every view
     * @param certainScore   detections at or above it are not verified
     */
    public ScaleConsistencyVerifier(FaceDetector yunet, double scoreThreshold, double certainScore) {
        this.yunet = yunet;
        this.scoreThreshold = scoreThreshold;
        this.certainScore = certainScore;
        this.frontal = new CascadeClassifier(HaarCascades.file(HaarCascades.FRONTAL_FACE_ALT2).toString());
        this.profile = new CascadeClassifier(HaarCascades.file(HaarCascades.PROFILE_FACE).toString());
    }

    /** @return true when the face needs a second look */
    public boolean uncertain(DetectedFace face) {
        return face.score() < certainScore;
    }

    /**
     * @param image the image {@code face} was found in (its pixel space), BGR
     * @return the verdict with the per-view scores, for logs and docs
     */
    public Verdict verify(Mat image, DetectedFace face) {
        BoundingBox box = face.box();
        double roll = rollDegrees(face.landmarks());
        double nativeWidth = Math.max(box.w(), box.h());
        int largestView = 0;
        for (int i = 1; i < VIEW_WIDTHS.length; i++) {
            if (VIEW_WIDTHS[i] <= 2 * nativeWidth) {
                largestView = i;
            }
        }
        double minScore = 1.0;
        double[] scores = new double[VIEW_WIDTHS.length];
        java.util.Arrays.fill(scores, Double.NaN);
        for (int i = 0; i <= largestView; i++) {
            int t = VIEW_WIDTHS[i];
            try (Mat view = canonicalView(image, box, roll, t)) {
                scores[i] = bestOverlappingScore(view, expectedBox(box, t));
                minScore = Math.min(minScore, scores[i]);
            }
        }
        if (minScore >= scoreThreshold) {
            return new Verdict(true, true, null, scores);
        }
        // The second detector costs more than all YuNet views together (three cascades), so it runs only when needed.
        int t = Math.min(HAAR_VIEW_WIDTH, VIEW_WIDTHS[largestView]);
        try (Mat view = canonicalView(image, box, roll, t)) {
            boolean haar = haarConfirms(view, expectedBox(box, t));
            return new Verdict(haar, false, haar, scores);
        }
    }

    /** Where the face box lies in a canonical view of width t: centred, t px wide. */
    private static BoundingBox expectedBox(BoundingBox box, int t) {
        double expectedH = t * box.h() / box.w();
        return new BoundingBox(t / 2.0, t - expectedH / 2, t, expectedH);
    }

    /**
     * @param confirmed      the face is kept
     * @param scaleConsistent YuNet found it in every view at or above the threshold
     * @param secondDetector a Haar cascade confirmed it; null when it was not asked (the views already agreed)
     * @param viewScores     best overlapping YuNet score at view widths 48, 96, 192 px (NaN = view skipped, 0 = not found)
     */
    public record Verdict(boolean confirmed, boolean scaleConsistent, Boolean secondDetector, double[] viewScores) {
    }

    private static double rollDegrees(Landmarks lm) {
        if (lm == null) {
            return 0;
        }
        // right eye appears on the image's left: the vector right eye -> left eye points along +x when upright
        return Math.toDegrees(Math.atan2(lm.leftEye().y() - lm.rightEye().y(), lm.leftEye().x() - lm.rightEye().x()));
    }

    /** A 2t x 2t image: the box centre in the middle, rotated by -roll, scaled so the box is t px wide. */
    private static Mat canonicalView(Mat image, BoundingBox box, double roll, int t) {
        double cx = box.x() + box.w() / 2, cy = box.y() + box.h() / 2;
        double scale = t / box.w();
        Mat view = new Mat();
        try (Point2f centre = new Point2f((float) cx, (float) cy);
             Mat m = getRotationMatrix2D(centre, roll, scale);
             Size size = new Size(2 * t, 2 * t); Scalar black = new Scalar(0, 0, 0, 0)) {
            try (DoubleIndexer ix = m.createIndexer()) {
                ix.put(0, 2, ix.get(0, 2) + t - cx);
                ix.put(1, 2, ix.get(1, 2) + t - cy);
            }
            warpAffine(image, view, m, size, scale < 1 ? INTER_AREA : INTER_LINEAR, BORDER_CONSTANT, black);
        }
        return view;
    }

    private double bestOverlappingScore(Mat view, BoundingBox expected) {
        double best = 0;
        for (DetectedFace f : yunet.detect(view)) {
            if (f.box().iou(expected) >= MIN_IOU) {
                best = Math.max(best, f.score());
            }
        }
        return best;
    }

    private boolean haarConfirms(Mat view, BoundingBox expected) {
        try (Mat grey = new Mat(); Mat mirrored = new Mat()) {
            cvtColor(view, grey, COLOR_BGR2GRAY);
            equalizeHist(grey, grey);
            flip(grey, mirrored, 1);
            BoundingBox mirroredExpected = new BoundingBox(view.cols() - expected.right(), expected.y(), expected.w(), expected.h());
            return hit(frontal, grey, expected) || hit(profile, grey, expected) || hit(profile, mirrored, mirroredExpected);
        }
    }

    private static boolean hit(CascadeClassifier cascade, Mat grey, BoundingBox expected) {
        int minSide = (int) Math.max(20, expected.w() / 2);
        try (RectVector rects = new RectVector(); IntPointer n = new IntPointer();
             Size min = new Size(minSide, minSide); Size max = new Size((int) expected.w() * 2, (int) expected.w() * 2)) {
            cascade.detectMultiScale2(grey, rects, n, 1.1, 3, 0, min, max);
            for (int i = 0; i < rects.size(); i++) {
                Rect r = rects.get(i);
                if (new BoundingBox(r.x(), r.y(), r.width(), r.height()).iou(expected) >= MIN_IOU) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        yunet.close();
        frontal.close();
        profile.close();
    }
}
