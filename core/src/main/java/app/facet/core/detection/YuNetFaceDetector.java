package app.facet.core.detection;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_dnn.DNN_BACKEND_OPENCV;
import static org.bytedeco.opencv.global.opencv_dnn.DNN_TARGET_CPU;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;

/**
 * YuNet (OpenCV Zoo, 2023mar) run on OpenCV's DNN module. Each face: box x, y, w, h; five landmarks (right eye, left
 * eye, nose tip, right and left mouth corners); score = sqrt(classification x objectness), in [0, 1]. All in the given
 * image's pixels.
 * <p>
 * The network is driven here rather than through OpenCV's {@code FaceDetectorYN}, with the same pre-processing (zero
 * padding to a multiple of 32, a float blob of the BGR values), decoding and non-maximum suppression
 * ({@link YuNetDecoder}); {@code YuNetFaceDetectorTest} checks the faces are FaceDetectorYN's. The reason is memory:
 * {@code FaceDetectorYN.detect} keeps its padded copy and its input blob (15 MB at 1280x960) alive through the forward
 * pass, on top of the copy the network makes of its input; here both are freed before the forward pass
 * (docs/PERFORMANCE.md, "Fourth pass").
 * Not thread-safe: one instance per thread.
 */
public final class YuNetFaceDetector implements FaceDetector {

    public static final String ID = "yunet-2023mar";
    private static final String[] OUTPUTS = {"cls_8", "cls_16", "cls_32", "obj_8", "obj_16", "obj_32",
            "bbox_8", "bbox_16", "bbox_32", "kps_8", "kps_16", "kps_32"};

    /**
     * Input area (padded pixels) from which a change of input size loads the network afresh, see {@link #detect}. Below
     * it (e.g. the second look's 192 px views) the buffers are too small to matter.
     */
    static final long FRESH_NET_AREA = 640L * 480;

    private final byte[] onnxModel;
    private final String what;
    private final StringVector outputNames = new StringVector(OUTPUTS);
    private final float scoreThreshold;
    private Net net;
    private int inputWidth;
    private int inputHeight;

    /**
     * @param model          path of face_detection_yunet_2023mar.onnx (checked by the caller)
     * @param scoreThreshold faces scoring below this are dropped, in [0, 1]
     * @throws IllegalStateException when OpenCV cannot load the model
     */
    public YuNetFaceDetector(Path model, double scoreThreshold) {
        this(bytesOf(model), scoreThreshold, "the YuNet model " + model);
    }

    /**
     * @param onnxModel      the bytes of face_detection_yunet_2023mar.onnx (checked by the caller), e.g. the built-in copy
     * @param scoreThreshold faces scoring below this are dropped, in [0, 1]
     * @throws IllegalStateException when OpenCV cannot load the model
     */
    public YuNetFaceDetector(byte[] onnxModel, double scoreThreshold) {
        this(onnxModel, scoreThreshold, "the built-in YuNet model");
    }

    /** @param onnxModel kept, so that the network can be loaded afresh without the file ({@link #freshNetForNewSize}) */
    private YuNetFaceDetector(byte[] onnxModel, double scoreThreshold, String what) {
        this.onnxModel = onnxModel;
        this.what = what;
        this.net = load();
        this.scoreThreshold = (float) scoreThreshold;
    }

    private static byte[] bytesOf(Path model) {
        try {
            return Files.readAllBytes(model);
        } catch (IOException e) {
            throw new IllegalStateException("OpenCV could not load the YuNet model " + model + ": " + e.getMessage(), e);
        }
    }

    private Net load() {
        Net n = readNetFromONNX(onnxModel);
        if (n == null || n.isNull() || n.empty()) {
            throw new IllegalStateException("OpenCV could not load " + what);
        }
        n.setPreferableBackend(DNN_BACKEND_OPENCV);
        n.setPreferableTarget(DNN_TARGET_CPU);
        return n;
    }

    public double scoreThreshold() {
        return scoreThreshold;
    }

    /**
     * @param bgr 8-bit, 3-channel BGR image, any size
     * @return faces in {@code bgr}'s pixels, best first (boxes may reach past the image's edges)
     */
    @Override
    public List<DetectedFace> detect(Mat bgr) {
        if (bgr.empty()) {
            return List.of();
        }
        int padW = YuNetDecoder.padded(bgr.cols());
        int padH = YuNetDecoder.padded(bgr.rows());
        freshNetForNewSize(padW, padH);
        setInput(bgr, padW, padH);
        try (MatVector outs = new MatVector()) {
            net.forward(outs, outputNames);
            float[][] blobs = new float[OUTPUTS.length][];
            for (int i = 0; i < OUTPUTS.length; i++) {
                // closed at once: each Mat holds a reference to the network's output buffer until it is
                try (Mat m = outs.get(i); FloatPointer p = new FloatPointer(m.data())) {
                    blobs[i] = new float[(int) m.total()];
                    p.get(blobs[i]);
                }
            }
            List<DetectedFace> faces = new ArrayList<>(new YuNetDecoder(padW, padH, scoreThreshold).decode(blobs));
            faces.sort(Comparator.comparingDouble(DetectedFace::score).reversed());
            return faces;
        }
    }

    /**
     * For a new input size OpenCV reallocates every layer buffer, freeing the old ones one at a time between the new
     * allocations; malloc's heap keeps the holes, so a scan of photos of mixed sizes or orientations (portrait and
     * landscape 12 MP photos: 1280x960 and 960x1280) grew its peak by 20-60 MB over a scan of one size. Closing the
     * network first frees all its buffers together, and the new size's buffers fit into the space they leave
     * (docs/PERFORMANCE.md, "Fourth pass"). Reading the 230 KB model again costs a few milliseconds per change of size.
     */
    private void freshNetForNewSize(int padW, int padH) {
        boolean changed = inputWidth > 0 && (padW != inputWidth || padH != inputHeight);
        if (changed && Math.max((long) inputWidth * inputHeight, (long) padW * padH) >= FRESH_NET_AREA) {
            net.close();
            // the same bytes loaded at construction: a failure here is OpenCV's, reported like any detection error
            net = load();
        }
        inputWidth = padW;
        inputHeight = padH;
    }

    /** Hands the network its input; the padded copy and the blob are freed before the forward pass (the net copies it). */
    private void setInput(Mat bgr, int padW, int padH) {
        boolean pad = padW != bgr.cols() || padH != bgr.rows();
        Mat padded = bgr;
        if (pad) {
            padded = new Mat();
            try (Scalar black = new Scalar(0.0)) {
                copyMakeBorder(bgr, padded, 0, padH - bgr.rows(), 0, padW - bgr.cols(), BORDER_CONSTANT, black);
            }
        }
        try (Mat blob = blobFromImage(padded)) {
            net.setInput(blob);
        } finally {
            if (pad) {
                padded.close();
            }
        }
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
        outputNames.close();
        net.close();
    }
}
