package app.facet.core.analysis;

import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/** The same photo as WebP, BMP, TIFF, greyscale JPEG and 16-bit PNG: each is decoded to 8-bit BGR and its face found. */
class FormatsTest {

    private static OpenCvPhotoAnalyzer analyzer;

    @TempDir
    static Path dir;

    @BeforeAll
    static void open() {
        analyzer = TestAnalyzers.withEmbeddings();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"photo.webp", "photo.bmp", "photo.tiff", "grey.jpg", "sixteen-bit.png", "grey.png"})
    void everySupportedVariantIsAnalysed(String name) throws Exception {
        Mat img = imread(SharedMaterial.photo("people/barack_obama/obama.jpg").toString(), IMREAD_COLOR);
        Mat out = img;
        if (name.startsWith("grey")) {
            out = new Mat();
            cvtColor(img, out, COLOR_BGR2GRAY);
        } else if (name.startsWith("sixteen")) {
            out = new Mat();
            img.convertTo(out, CV_16UC3, 257.0, 0);
        }
        Path file = dir.resolve(name);
        assertThat(imwrite(file.toString(), out)).isTrue();

        PhotoAnalysis a = analyzer.analyze(file);

        assertThat(a.width()).isEqualTo(img.cols());
        assertThat(a.height()).isEqualTo(img.rows());
        assertThat(a.faces()).hasSize(1);
        assertThat(a.faces().get(0).embedding()).hasSize(128);
    }
}
