package app.facet.core.detection;

import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_dnn.DNN_BACKEND_OPENCV;
import static org.bytedeco.opencv.global.opencv_dnn.DNN_TARGET_CPU;

/**
 * YuNet (OpenCV Zoo, 2023mar) through OpenCV's {@code FaceDetectorYN}. Each output row is
 * box x, y, w, h; five landmarks (right eye, left eye, nose tip, right and left mouth corners); score.
 * Not thread-safe: one instance per thread.
 */
public final class YuNetFaceDetector implements FaceDetector {

    public static final String ID = "yunet-2023mar";
    private static final float NMS_THRESHOLD = 0.3f;
    private static final int TOP_K = 5000;

    private final FaceDetectorYN detector;
    private final float scoreThreshold;
    private int inputWidth = -1;
    private int inputHeight = -1;

    /**
     * @param model          path of face_detection_yunet_2023mar.onnx (checked by the caller)
     * @param scoreThreshold faces scoring below this are dropped, in [0, 1]
     */
    public YuNetFaceDetector(Path model, double scoreThreshold) {
        this.scoreThreshold = (float) scoreThreshold;
        try (Size size = new Size(320, 320)) {
            this.detector = FaceDetectorYN.create(model.toString(), "", size, this.scoreThreshold, NMS_THRESHOLD, TOP_K,
                    DNN_BACKEND_OPENCV, DNN_TARGET_CPU);
        }
        if (detector == null || detector.isNull()) {
            throw new IllegalStateException("OpenCV could not load the YuNet model " + model);
        }
    }

    /**
     * @param onnxModel      the bytes of face_detection_yunet_2023mar.onnx (checked by the caller), e.g. the built-in copy
     * @param scoreThreshold faces scoring below this are dropped, in [0, 1]
     */
    public YuNetFaceDetector(byte[] onnxModel, double scoreThreshold) {
        this.scoreThreshold = (float) scoreThreshold;
        try (Size size = new Size(320, 320)) {
            this.detector = FaceDetectorYN.create("onnx", onnxModel, new byte[0], size, this.scoreThreshold, NMS_THRESHOLD, TOP_K,
                    DNN_BACKEND_OPENCV, DNN_TARGET_CPU);
        }
        if (detector == null || detector.isNull()) {
            throw new IllegalStateException("OpenCV could not load the built-in YuNet model");
        }
    }

    public double scoreThreshold() {
        return scoreThreshold;
    }

    @Override
    public List<DetectedFace> detect(Mat bgr) {
        if (bgr.cols() != inputWidth || bgr.rows() != inputHeight) {
            try (Size size = new Size(bgr.cols(), bgr.rows())) {
                detector.setInputSize(size);
            }
            inputWidth = bgr.cols();
            inputHeight = bgr.rows();
        }
        List<DetectedFace> faces = new ArrayList<>();
        try (Mat out = new Mat()) {
            detector.detect(bgr, out);
            if (out.rows() == 0) {
                return faces;
            }
            try (FloatIndexer ix = out.createIndexer()) {
                for (int i = 0; i < out.rows(); i++) {
                    float w = ix.get(i, 2), h = ix.get(i, 3);
                    if (!(w > 0) || !(h > 0)) {
                        continue;
                    }
                    double[] lm = new double[10];
                    for (int k = 0; k < 10; k++) {
                        lm[k] = ix.get(i, 4 + k);
                    }
                    double score = Math.min(1.0, Math.max(0.0, ix.get(i, 14)));
                    faces.add(new DetectedFace(new BoundingBox(ix.get(i, 0), ix.get(i, 1), w, h), Landmarks.of(lm), score));
                }
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
        return true;
    }

    @Override
    public void close() {
        detector.close();
    }
}
