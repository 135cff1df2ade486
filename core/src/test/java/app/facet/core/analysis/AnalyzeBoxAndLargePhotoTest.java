package app.facet.core.analysis;

import app.facet.core.embedding.OnnxEmbedder;
import app.facet.core.imaging.PhotoAnalysisException;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.model.BoundingBox;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Manual boxes, big photos decoded at reduced size, and concurrent use. */
class AnalyzeBoxAndLargePhotoTest {

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

    @Test
    void manualBoxOnAFaceGetsLandmarksAndTheSameEmbedding() throws Exception {
        Path photo = SharedMaterial.photo("groups/two_people.jpg");
        AnalyzedFace detected = analyzer.analyze(photo).faces().get(0);
        BoundingBox b = detected.box();
        BoundingBox drawn = new BoundingBox(b.x() - 0.1 * b.w(), b.y() + 0.05 * b.h(), b.w() * 1.15, b.h() * 0.95); // a sloppy user box

        AnalyzedFace manual = analyzer.analyzeBox(photo, drawn);

        assertThat(manual.detector()).isEqualTo("manual");
        assertThat(manual.box()).isEqualTo(drawn);
        assertThat(manual.landmarks()).as("re-detected inside the box").isNotNull();
        assertThat(manual.landmarks().nose().x()).isBetween(b.x(), b.right());
        assertThat(OnnxEmbedder.cosineSimilarity(manual.embedding(), detected.embedding())).isGreaterThan(0.95);
        assertThat(manual.cropJpeg()).isNotEmpty();
    }

    @Test
    void manualBoxWithoutAFaceUsesTheBoxCrop() throws Exception {
        Path photo = SharedMaterial.photo("no_faces/dogs.jpg");
        AnalyzedFace manual = analyzer.analyzeBox(photo, new BoundingBox(600, 50, 120, 120));

        assertThat(manual.landmarks()).isNull();
        assertThat(manual.detectionScore()).as("no detector vouched for this box").isEqualTo(0.0);
        assertThat(manual.quality().label()).as("no face structure seen: never excellent").isNotEqualTo(app.facet.model.QualityLabel.EXCELLENT);
        assertThat(manual.embedding()).hasSize(128);
        assertThat(manual.quality().frontalPose()).isNaN();
    }

    @Test
    void manualBoxOutsideTheImageIsRefused() {
        PhotoAnalysisException e = catchThrowableOfType(PhotoAnalysisException.class,
                () -> analyzer.analyzeBox(SharedMaterial.photo("edge/obama_small.jpg"), new BoundingBox(400, 10, 50, 50)));
        assertThat(e.reason()).isEqualTo(PhotoAnalysisException.Reason.ANALYSIS_ERROR);
        assertThat(e.getMessage()).contains("outside");
    }

    /** A 12 MP JPEG is decoded at half size for detection; boxes still come back in full-resolution pixels. */
    @Test
    void largeJpegBoxesAreInFullResolutionPixels() throws Exception {
        Mat small = imread(SharedMaterial.photo("groups/two_people.jpg").toString(), IMREAD_COLOR);
        double s = 4000.0 / small.cols();
        Mat big = new Mat();
        resize(small, big, new Size(4000, (int) Math.round(small.rows() * s)), 0, 0, INTER_CUBIC);
        Path file = Files.write(dir.resolve("big.jpg"), TestImages.jpeg(big, 90));

        PhotoAnalysis smallAnalysis = analyzer.analyze(SharedMaterial.photo("groups/two_people.jpg"));
        PhotoAnalysis bigAnalysis = analyzer.analyze(file);

        assertThat(bigAnalysis.width()).isEqualTo(4000);
        assertThat(bigAnalysis.faces()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            BoundingBox expected = smallAnalysis.faces().get(i).box().scaled(s);
            assertThat(bigAnalysis.faces().get(i).box().iou(expected)).isGreaterThan(0.8);
            assertThat(OnnxEmbedder.cosineSimilarity(bigAnalysis.faces().get(i).embedding(), smallAnalysis.faces().get(i).embedding()))
                    .isGreaterThan(0.9);
        }
    }

    @Test
    void concurrentAnalysesEqualSequentialOnes() throws Exception {
        List<Path> photos;
        try (Stream<Path> s = Files.walk(SharedMaterial.photos())) {
            photos = s.filter(p -> p.toString().matches(".*\\.(jpg|png)")).sorted().toList();
        }
        List<PhotoAnalysis> sequential = new ArrayList<>();
        for (Path p : photos) {
            sequential.add(analyzer.analyze(p));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PhotoAnalysis>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Path p : photos) {
                    futures.add(pool.submit(() -> analyzer.analyze(p)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                PhotoAnalysis expected = sequential.get(i % photos.size());
                PhotoAnalysis actual = futures.get(i).get();
                assertThat(actual.faces()).hasSameSizeAs(expected.faces());
                for (int k = 0; k < expected.faces().size(); k++) {
                    assertThat(actual.faces().get(k).box()).isEqualTo(expected.faces().get(k).box());
                    assertThat(actual.faces().get(k).embedding()).containsExactly(expected.faces().get(k).embedding());
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
