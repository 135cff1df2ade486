package app.facet.core.alignment;

import app.facet.core.testing.SharedMaterial;
import app.facet.core.detection.DetectedFace;
import app.facet.core.detection.ScaledDetection;
import app.facet.core.detection.YuNetFaceDetector;
import app.facet.model.Landmarks;
import app.facet.model.Point2;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

class SimilarityTransformTest {

    @Test
    void recoversAKnownSimilarityExactly() {
        SimilarityTransform truth = new SimilarityTransform(0.4 * Math.cos(0.3), 0.4 * Math.sin(0.3), 12.5, -7.0);
        List<Point2> src = List.of(new Point2(100, 120), new Point2(180, 118), new Point2(140, 170), new Point2(110, 210), new Point2(175, 208));
        List<Point2> dst = src.stream().map(truth::apply).toList();

        SimilarityTransform fitted = SimilarityTransform.estimate(src, dst);

        assertThat(fitted.a()).isCloseTo(truth.a(), within(1e-9));
        assertThat(fitted.b()).isCloseTo(truth.b(), within(1e-9));
        assertThat(fitted.tx()).isCloseTo(truth.tx(), within(1e-7));
        assertThat(fitted.ty()).isCloseTo(truth.ty(), within(1e-7));
    }

    @Test
    void realLandmarksLandNearTheTemplateAndAlignedFaceIsDetectedAgain() {
        Mat img = imread(SharedMaterial.photo("people/barack_obama/obama.jpg").toString(), IMREAD_COLOR);
        try (YuNetFaceDetector d = new YuNetFaceDetector(SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx"), 0.5)) {
            Landmarks lm = ScaledDetection.detect(d, img, 640).get(0).landmarks();
            SimilarityTransform t = SimilarityTransform.estimate(lm.asList(), FaceAligner.TEMPLATE);
            for (int i = 0; i < 5; i++) {
                Point2 p = t.apply(lm.asList().get(i));
                Point2 q = FaceAligner.TEMPLATE.get(i);
                assertThat(Math.hypot(p.x() - q.x(), p.y() - q.y())).as("landmark %d", i).isLessThan(6);
            }
            try (Mat aligned = new FaceAligner().align(img, lm)) {
                assertThat(aligned.cols()).isEqualTo(112);
                assertThat(aligned.rows()).isEqualTo(112);
                List<DetectedFace> again = d.detect(aligned);
                assertThat(again).isNotEmpty();
                Point2 eye = again.get(0).landmarks().rightEye();
                assertThat(eye.x()).isCloseTo(38.3, within(6.0));
                assertThat(eye.y()).isCloseTo(51.7, within(6.0));
            }
        }
    }
}
