package app.facet.core.quality;

import app.facet.core.alignment.FaceAligner;
import app.facet.core.detection.DetectedFace;
import app.facet.core.detection.ScaledDetection;
import app.facet.core.detection.YuNetFaceDetector;
import app.facet.core.testing.SharedMaterial;
import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;
import app.facet.model.Point2;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Real faces from the shared photos, found by the real YuNet detector, each cut out with a margin and brought to
 * template scale (eye distance {@link FaceAligner#TEMPLATE_EYE_DISTANCE}; area averaging, as the aligner does for
 * large faces; faces smaller than that stay as they are), so that degradations can be applied at face scale.
 */
final class FaceSamples {

    /**
     * @param name      photo path and face index
     * @param region    BGR region around the face at face scale (caller closes)
     * @param landmarks the detector's landmarks in {@code region}'s pixels
     * @param box       the detector's box in {@code region}'s pixels
     * @param face      the detection in original-image pixels
     */
    record Sample(String name, Mat region, Landmarks landmarks, BoundingBox box, DetectedFace face) {
    }

    private FaceSamples() {
    }

    /** @return every face YuNet finds (score at least 0.8) in the labelled photos that show people */
    static List<Sample> load() {
        List<Sample> out = new ArrayList<>();
        try (YuNetFaceDetector d = new YuNetFaceDetector(SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx"), 0.8)) {
            for (SharedMaterial.Label label : SharedMaterial.labels()) {
                if (label.people().isEmpty()) {
                    continue;
                }
                try (Mat img = imread(SharedMaterial.photo(label.path()).toString(), IMREAD_COLOR)) {
                    List<DetectedFace> faces = ScaledDetection.detect(d, img, 640);
                    for (int i = 0; i < faces.size(); i++) {
                        DetectedFace f = faces.get(i);
                        if (f.landmarks() != null) {
                            out.add(cut(label.path() + "#" + i, img, f));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Sample cut(String name, Mat img, DetectedFace f) {
        Landmarks lm = f.landmarks();
        double eye = Math.hypot(lm.leftEye().x() - lm.rightEye().x(), lm.leftEye().y() - lm.rightEye().y());
        double s = Math.min(1, FaceAligner.TEMPLATE_EYE_DISTANCE / eye);
        double side = 4 * eye;
        double cx = (lm.leftEye().x() + lm.rightEye().x()) / 2, cy = lm.nose().y();
        int x0 = (int) Math.max(0, Math.floor(cx - side / 2)), y0 = (int) Math.max(0, Math.floor(cy - side / 2));
        int x1 = (int) Math.min(img.cols(), Math.ceil(cx + side / 2)), y1 = (int) Math.min(img.rows(), Math.ceil(cy + side / 2));
        Mat region = new Mat();
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = new Mat(img, r);
             Size size = new Size(Math.max(1, (int) Math.round((x1 - x0) * s)), Math.max(1, (int) Math.round((y1 - y0) * s)))) {
            if (s < 1) {
                resize(roi, region, size, 0, 0, INTER_AREA);
            } else {
                roi.copyTo(region);
            }
        }
        double kx = (double) region.cols() / (x1 - x0), ky = (double) region.rows() / (y1 - y0);
        Landmarks local = new Landmarks(map(lm.rightEye(), x0, y0, kx, ky), map(lm.leftEye(), x0, y0, kx, ky),
                map(lm.nose(), x0, y0, kx, ky), map(lm.mouthRight(), x0, y0, kx, ky), map(lm.mouthLeft(), x0, y0, kx, ky));
        BoundingBox box = new BoundingBox((f.box().x() - x0) * kx, (f.box().y() - y0) * ky, f.box().w() * kx, f.box().h() * ky);
        return new Sample(name, region, local, box, f);
    }

    private static Point2 map(Point2 p, int x0, int y0, double kx, double ky) {
        return new Point2((p.x() - x0) * kx, (p.y() - y0) * ky);
    }
}
