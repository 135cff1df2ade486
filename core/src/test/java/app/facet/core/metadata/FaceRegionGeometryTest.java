package app.facet.core.metadata;

import app.facet.core.imaging.ExifOrientation;
import app.facet.model.BoundingBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.findNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;

/**
 * The stored-to-oriented mapping of regions must move a rectangle exactly where Facet's own decoder
 * ({@link ExifOrientation}) moves the pixels under it, for all eight EXIF orientations, and back.
 */
class FaceRegionGeometryTest {

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void regionsFollowThePixelsThroughEveryOrientation(int orientation) {
        int storedW = 40, storedH = 30;
        Mat stored = new Mat(storedH, storedW, CV_8UC1, new Scalar(0.0));
        Rect painted = new Rect(5, 3, 9, 7); // stored pixels x 5..13, y 3..9
        rectangle(stored, painted, new Scalar(255.0), FILLED, 8, 0);

        Mat oriented = ExifOrientation.apply(stored, orientation);
        Mat points = new Mat();
        findNonZero(oriented, points);
        Rect seen = boundingRect(points);

        PhotoGeometry g = new PhotoGeometry(oriented.cols(), oriented.rows(), orientation);
        assertThat(g.storedWidth()).isEqualTo(storedW);
        assertThat(g.storedHeight()).isEqualTo(storedH);
        NormalizedBox region = new NormalizedBox(5.0 / storedW, 3.0 / storedH, 9.0 / storedW, 7.0 / storedH);
        BoundingBox box = g.toOriented(region);
        assertThat(box.x()).isCloseTo(seen.x(), within());
        assertThat(box.y()).isCloseTo(seen.y(), within());
        assertThat(box.w()).isCloseTo(seen.width(), within());
        assertThat(box.h()).isCloseTo(seen.height(), within());

        NormalizedBox back = g.toStored(box);
        assertThat(back.x()).isCloseTo(region.x(), within());
        assertThat(back.y()).isCloseTo(region.y(), within());
        assertThat(back.w()).isCloseTo(region.w(), within());
        assertThat(back.h()).isCloseTo(region.h(), within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
