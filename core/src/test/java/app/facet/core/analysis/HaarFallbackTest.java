package app.facet.core.analysis;

import app.facet.core.testing.SharedMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a verified YuNet file in the models folder the analyzer uses the built-in YuNet; with the built-in copy
 * disabled it falls back to the Haar cascade in the OpenCV jar and says why.
 */
class HaarFallbackTest {

    @TempDir
    Path models;

    @Test
    void missingYuNetFileFallsBackToHaar() throws Exception {
        Files.copy(SharedMaterial.models().resolve("mobilefacenet.onnx"), models.resolve("mobilefacenet.onnx"));
        try (OpenCvPhotoAnalyzer analyzer = new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(models).withEmbeddingModelId("mobilefacenet").withBuiltInDetector(false))) {
            assertThat(analyzer.detectorId()).isEqualTo("haar-frontalface-alt2");
            assertThat(analyzer.describeDetector()).contains("Haar").contains("face_detection_yunet_2023mar.onnx").contains("is not in");
            assertThat(analyzer.detectorReason()).contains("is not in " + models.toAbsolutePath());

            PhotoAnalysis a = analyzer.analyze(SharedMaterial.photo("groups/two_people.jpg"));

            assertThat(a.detectorId()).isEqualTo("haar-frontalface-alt2");
            assertThat(a.faces()).hasSize(2);
            assertThat(a.faces()).allSatisfy(f -> {
                assertThat(f.detector()).isEqualTo("haar-frontalface-alt2");
                assertThat(f.landmarks()).as("Haar gives no landmarks").isNull();
                assertThat(f.embedding()).as("box-crop alignment fallback still embeds").hasSize(128);
                assertThat(f.quality().frontalPose()).isNaN();
                assertThat(f.detectionScore()).isBetween(0.0, 1.0);
            });
        }
    }

    @Test
    void yuNetFileWithWrongHashFallsBackToHaar() throws Exception {
        Path fake = Files.copy(SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx"), models.resolve("face_detection_yunet_2023mar.onnx"));
        Files.write(fake, new byte[]{0}, StandardOpenOption.APPEND);
        try (OpenCvPhotoAnalyzer analyzer = new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(models).withBuiltInDetector(false))) {
            assertThat(analyzer.detectorId()).isEqualTo("haar-frontalface-alt2");
            assertThat(analyzer.describeDetector()).contains("SHA-256").contains("8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4");
            assertThat(analyzer.embeddingModelId()).isEmpty();
            assertThat(analyzer.embeddingUnavailableReason()).get().asString()
                    .contains("face_recognition_sface_2021dec.onnx").contains("not embedded");

            PhotoAnalysis a = analyzer.analyze(SharedMaterial.photo("people/barack_obama/obama.jpg"));

            assertThat(a.faces()).hasSize(1);
            assertThat(a.embeddingModelId()).isNull();
            assertThat(a.faces().get(0).embedding()).isNull();
            assertThat(a.faces().get(0).cropJpeg()).isNotEmpty();
        }
    }

    @Test
    void verifiedYuNetIsPreferred() {
        try (OpenCvPhotoAnalyzer analyzer = new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(SharedMaterial.models()))) {
            assertThat(analyzer.detectorId()).isEqualTo("yunet-2023mar");
            assertThat(analyzer.describeDetector()).isEqualTo("YuNet 2023mar (OpenCV DNN)");
            assertThat(analyzer.embeddingModelId()).as("the test-only model is never auto-selected").isEmpty();
        }
    }

    @Test
    void emptyModelsFolderUsesTheBuiltInYuNet() throws Exception {
        try (OpenCvPhotoAnalyzer analyzer = new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(models))) {
            assertThat(analyzer.detectorId()).isEqualTo("yunet-2023mar");
            assertThat(analyzer.describeDetector()).isEqualTo("YuNet 2023mar (OpenCV DNN, built in)");
            assertThat(analyzer.detectorReason()).contains("built-in").contains("SHA-256");

            PhotoAnalysis a = analyzer.analyze(SharedMaterial.photo("groups/two_people.jpg"));

            assertThat(a.detectorId()).isEqualTo("yunet-2023mar");
            assertThat(a.faces()).hasSize(2).allSatisfy(f -> assertThat(f.landmarks()).as("YuNet gives landmarks").isNotNull());
        }
        try (var files = Files.list(models)) {
            assertThat(files).as("the built-in model is read from the jar, never extracted into the models folder").isEmpty();
        }
    }
}
