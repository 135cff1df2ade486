package app.facet.core.quality;

import app.facet.core.alignment.FaceAligner;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.detection.DetectedFace;
import app.facet.core.detection.ScaledDetection;
import app.facet.core.detection.YuNetFaceDetector;
import app.facet.model.Landmarks;
import app.facet.model.Point2;
import app.facet.model.QualityMetrics;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

class FaceQualityEstimatorTest {

    private final FaceQualityEstimator estimator = new FaceQualityEstimator();

    @Test
    void blurredAndDarkFacesScoreLowerThanTheOriginal() {
        Mat img = imread(SharedMaterial.photo("people/barack_obama/obama.jpg").toString(), IMREAD_COLOR);
        try (YuNetFaceDetector d = new YuNetFaceDetector(SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx"), 0.8)) {
            DetectedFace f = ScaledDetection.detect(d, img, 640).get(0);
            FaceAligner aligner = new FaceAligner();
            Mat aligned = aligner.align(img, f.landmarks());
            Mat blurred = new Mat();
            GaussianBlur(aligned, blurred, new Size(0, 0), 2.5);
            Mat dark = new Mat();
            aligned.convertTo(dark, -1, 0.2, 0);

            QualityMetrics sharp = estimator.estimate(aligned, f.box(), f.landmarks(), f.score());
            QualityMetrics soft = estimator.estimate(blurred, f.box(), f.landmarks(), f.score());
            QualityMetrics dim = estimator.estimate(dark, f.box(), f.landmarks(), f.score());

            assertThat(sharp.faceSizePx()).isEqualTo(Math.min(f.box().w(), f.box().h()));
            assertThat(sharp.frontalPose()).as("a frontal portrait").isGreaterThan(0.7);
            assertThat(sharp.sharpness()).isGreaterThan(2.5 * soft.sharpness());
            assertThat(soft.overall()).isLessThan(sharp.overall());
            assertThat(dim.brightness()).isLessThan(sharp.brightness() / 3);
            assertThat(dim.overall()).isLessThan(sharp.overall());
            assertThat(sharp.overall()).isBetween(0.0, 1.0);
            assertThat(sharp.label()).isEqualTo(app.facet.model.QualityLabel.of(sharp.overall()));
        }
    }

    @Test
    void poseFallsWithYawAndRoll() {
        Landmarks frontal = Landmarks.of(40, 50, 72, 50, 56, 70, 42, 90, 70, 90);
        Landmarks turned = Landmarks.of(40, 50, 72, 50, 68, 70, 50, 90, 74, 90);   // nose towards one eye
        Landmarks tilted = new Landmarks(new Point2(40, 40), new Point2(70, 60), new Point2(52, 68), new Point2(35, 80), new Point2(60, 95));
        assertThat(FaceQualityEstimator.frontalPose(frontal)).isEqualTo(1.0);
        assertThat(FaceQualityEstimator.frontalPose(turned)).isLessThan(0.2);
        assertThat(FaceQualityEstimator.frontalPose(tilted)).isLessThan(FaceQualityEstimator.frontalPose(frontal));
        assertThat(FaceQualityEstimator.frontalPose(null)).isNaN();
    }
}
