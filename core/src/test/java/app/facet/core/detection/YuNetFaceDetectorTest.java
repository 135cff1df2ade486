package app.facet.core.detection;

import app.facet.core.testing.SharedMaterial;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_dnn.DNN_BACKEND_OPENCV;
import static org.bytedeco.opencv.global.opencv_dnn.DNN_TARGET_CPU;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Facet drives YuNet's network itself (to free the input blob before the forward pass); OpenCV's own
 * {@code FaceDetectorYN} is the witness: at a low score threshold (many overlapping candidates, so non-maximum
 * suppression is exercised), on every shared photo, at its own size (mostly not a multiple of 32, so the
 * padding is exercised) and reduced to 320 and 640 px, the faces, landmarks and scores are the same.
 */
class YuNetFaceDetectorTest {
    private static final Path MODEL = SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx");
    private static final float THRESHOLD = 0.3f;
    private static FaceDetectorYN witness;
    private static YuNetFaceDetector detector;

    @BeforeAll
    static void open() {
        try (Size size = new Size(320, 320)) {
            witness = FaceDetectorYN.create(MODEL.toString(), "", size, THRESHOLD, 0.3f, 5000, DNN_BACKEND_OPENCV, DNN_TARGET_CPU);
        }
        detector = new YuNetFaceDetector(MODEL, THRESHOLD);
    }

    @AfterAll
    static void close() {
        witness.close();
        detector.close();
    }

    @Test
    void findsTheFacesOpenCvsFaceDetectorYnFinds() throws IOException {
        int compared = 0, faces = 0;
        for (Path photo : photos()) {
            try (Mat img = imread(photo.toString(), IMREAD_COLOR)) {
                if (img.empty()) {
                    continue;
                }
                for (int longSide : new int[]{0, 320, 640}) {
                    try (Mat scaled = scaled(img, longSide)) {
                        List<float[]> expected = witnessFaces(scaled);
                        List<DetectedFace> actual = detector.detect(scaled);
                        String where = photo.getFileName() + " at " + scaled.cols() + "x" + scaled.rows();
                        assertThat(actual).as(where).hasSize(expected.size());
                        for (int i = 0; i < actual.size(); i++) {
                            assertSame(where + " face " + i, actual.get(i), expected.get(i));
                        }
                        compared++;
                        faces += actual.size();
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(60);
        assertThat(faces).as("faces compared").isGreaterThan(50);
    }

    @Test
    void anEmptyImageHasNoFaces() {
        try (Mat empty = new Mat()) {
            assertThat(detector.detect(empty)).isEmpty();
        }
    }

    private static void assertSame(String where, DetectedFace a, float[] e) {
        assertThat(a.box().x()).as(where + " x").isCloseTo(e[0], within(0.01));
        assertThat(a.box().y()).as(where + " y").isCloseTo(e[1], within(0.01));
        assertThat(a.box().w()).as(where + " w").isCloseTo(e[2], within(0.01));
        assertThat(a.box().h()).as(where + " h").isCloseTo(e[3], within(0.01));
        List<app.facet.model.Point2> lm = a.landmarks().asList();
        for (int k = 0; k < 5; k++) {
            assertThat(lm.get(k).x()).as(where + " landmark x" + k).isCloseTo(e[4 + 2 * k], within(0.01));
            assertThat(lm.get(k).y()).as(where + " landmark y" + k).isCloseTo(e[5 + 2 * k], within(0.01));
        }
        assertThat(a.score()).as(where + " score").isCloseTo(e[14], within(1e-5));
    }

    private static List<float[]> witnessFaces(Mat img) {
        try (Size size = new Size(img.cols(), img.rows()); Mat out = new Mat()) {
            witness.setInputSize(size);
            witness.detect(img, out);
            List<float[]> faces = new ArrayList<>();
            if (out.rows() > 0) {
                try (FloatIndexer ix = out.createIndexer()) {
                    for (int i = 0; i < out.rows(); i++) {
                        float[] row = new float[15];
                        for (int k = 0; k < 15; k++) {
                            row[k] = ix.get(i, k);
                        }
                        faces.add(row);
                    }
                }
            }
            faces.sort((x, y) -> Float.compare(y[14], x[14]));
            return faces;
        }
    }

    private static Mat scaled(Mat img, int longSide) {
        Mat out = new Mat();
        if (longSide <= 0 || Math.max(img.cols(), img.rows()) <= longSide) {
            img.copyTo(out);
            return out;
        }
        double s = (double) longSide / Math.max(img.cols(), img.rows());
        try (Size size = new Size((int) Math.round(img.cols() * s), (int) Math.round(img.rows() * s))) {
            resize(img, out, size, 0, 0, INTER_AREA);
        }
        return out;
    }

    private static List<Path> photos() throws IOException {
        try (Stream<Path> s = Files.walk(SharedMaterial.photos())) {
            return s.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().toList();
        }
    }
}
