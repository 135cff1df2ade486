package app.facet.core.detection;

import app.facet.core.testing.SharedMaterial;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/** The second look removes the dog's face that YuNet scores ~0.85 and keeps every real face of the shared photos. */
class ScaleConsistencyVerifierTest {

    private static YuNetFaceDetector detector;
    private static ScaleConsistencyVerifier verifier;

    @BeforeAll
    static void open() {
        Path model = SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx");
        detector = new YuNetFaceDetector(model, 0.8);
        verifier = new ScaleConsistencyVerifier(new YuNetFaceDetector(model, 0.3), 0.8, 0.9);
    }

    @AfterAll
    static void close() {
        detector.close();
        verifier.close();
    }

    @Test
    void dogFaceInTheUncertainBandIsRejected() {
        Mat dogs = imread(SharedMaterial.photo("no_faces/dogs.jpg").toString(), IMREAD_COLOR);
        List<DetectedFace> raw = ScaledDetection.detect(detector, dogs, 640);
        assertThat(raw).as("YuNet alone takes the dog for a face").hasSize(1);
        DetectedFace dog = raw.get(0);
        assertThat(dog.score()).isBetween(0.8, 0.9);
        assertThat(verifier.uncertain(dog)).isTrue();

        ScaleConsistencyVerifier.Verdict v = verifier.verify(dogs, dog);

        assertThat(v.confirmed()).isFalse();
        assertThat(v.scaleConsistent()).isFalse();
        assertThat(v.secondDetector()).isFalse();
    }

    /** Every real face, even those YuNet is sure of, passes the rule: it would not lose them if they scored lower. */
    @ParameterizedTest
    @ValueSource(strings = {"groups/obama_and_biden.jpg", "groups/two_people.jpg", "groups/kit_with_rose.jpg", "edge/32bit.png",
            "edge/obama_partial_face.jpg", "edge/obama_partial_face2.jpg", "edge/obama_small.jpg", "edge/obama-240p.jpg",
            "people/joe_biden/biden2.jpg", "people/alex_lacamoire/alex-lacamoire.png", "people/kit_harington/kit1.jpg"})
    void everyRealFacePassesTheSecondLook(String photo) {
        Mat img = imread(SharedMaterial.photo(photo).toString(), IMREAD_COLOR);
        for (int size : new int[]{640, 1280}) {
            List<DetectedFace> faces = ScaledDetection.detect(detector, img, size);
            assertThat(faces).isNotEmpty();
            for (DetectedFace f : faces) {
                assertThat(verifier.verify(img, f).confirmed()).as("%s at %d: face %s score %.3f", photo, size, f.box(), f.score()).isTrue();
            }
        }
    }
}
