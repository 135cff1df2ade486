package app.facet.core.detection;

import app.facet.model.BoundingBox;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * Viola-Jones frontal face detector (the {@code haarcascade_frontalface_alt2} cascade shipped in the OpenCV jar).
 * The fallback when the YuNet model file is missing or does not match its SHA-256. It gives no landmarks and no
 * calibrated confidence: {@link DetectedFace#score()} is n / (n + 3) for n raw overlapping hits merged into the box
 * (4 hits, the minimum kept, give 0.57), a monotone but uncalibrated confidence.
 * Not thread-safe: one instance per thread.
 */
public final class HaarFaceDetector implements FaceDetector {

    public static final String ID = "haar-frontalface-alt2";
    private static final int MIN_NEIGHBOURS = 4;
    private static final int MIN_FACE_PX = 20;

    private final CascadeClassifier cascade;

    public HaarFaceDetector() {
        this.cascade = new CascadeClassifier(HaarCascades.file(HaarCascades.FRONTAL_FACE_ALT2).toString());
        if (cascade.empty()) {
            throw new IllegalStateException("OpenCV could not load the Haar cascade " + HaarCascades.FRONTAL_FACE_ALT2);
        }
    }

    @Override
    public List<DetectedFace> detect(Mat bgr) {
        List<DetectedFace> faces = new ArrayList<>();
        try (Mat grey = new Mat(); RectVector rects = new RectVector(); IntPointer hits = new IntPointer();
             Size min = new Size(MIN_FACE_PX, MIN_FACE_PX); Size max = new Size()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            equalizeHist(grey, grey);
            cascade.detectMultiScale2(grey, rects, hits, 1.1, MIN_NEIGHBOURS, 0, min, max);
            for (int i = 0; i < rects.size(); i++) {
                Rect r = rects.get(i);
                int n = hits.get(i);
                faces.add(new DetectedFace(new BoundingBox(r.x(), r.y(), r.width(), r.height()), null, n / (n + 3.0)));
            }
        }
        faces.sort(Comparator.comparingDouble(DetectedFace::score).reversed());
        return faces;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean givesLandmarks() {
        return false;
    }

    @Override
    public void close() {
        cascade.close();
    }
}
