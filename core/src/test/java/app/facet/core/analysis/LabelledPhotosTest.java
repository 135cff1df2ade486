package app.facet.core.analysis;

import app.facet.core.testing.SharedMaterial;
import app.facet.model.BoundingBox;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import app.facet.core.detection.ScaledDetection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every labelled shared photo: the analyzer finds a number of faces within the labelled range, each fully described. */
class LabelledPhotosTest {

    record Label(String path, int minFaces, int maxFaces, String notes) {
        @Override
        public String toString() {
            return path + " [" + minFaces + ".." + maxFaces + "]";
        }
    }

    /** The default detection size, and 640 px, where YuNet scores the dog in no_faces/dogs.jpg about 0.85 (the verification stage must remove it). */
    static final int[] DETECTION_SIZES = {ScaledDetection.DEFAULT_DETECTION_SIZE, 640};
    private static final Map<Integer, OpenCvPhotoAnalyzer> analyzers = new HashMap<>();

    @BeforeAll
    static void open() {
        for (int size : DETECTION_SIZES) {
            analyzers.put(size, new OpenCvPhotoAnalyzer(AnalyzerConfig.defaults(SharedMaterial.models())
                    .withEmbeddingModelId("mobilefacenet").withDetectionSize(size)));
        }
    }

    @AfterAll
    static void close() {
        analyzers.values().forEach(OpenCvPhotoAnalyzer::close);
    }

    static Stream<Arguments> labelsAndSizes() throws IOException {
        return labels().stream().flatMap(l -> Arrays.stream(DETECTION_SIZES).mapToObj(size -> Arguments.of(l, size)));
    }

    static List<Label> labels() throws IOException {
        try (Reader in = Files.newBufferedReader(SharedMaterial.photos().resolve("labels.csv"))) {
            Iterable<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            return StreamSupport.stream(records.spliterator(), false)
                    .map(r -> new Label(r.get("path"), Integer.parseInt(r.get("min_faces")), Integer.parseInt(r.get("max_faces")), r.get("notes")))
                    .toList();
        }
    }

    @Test
    void labelsCoverEveryPhoto() throws IOException {
        assertThat(labels()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0} at detection size {1}")
    @MethodSource("labelsAndSizes")
    void faceCountWithinLabelledRange(Label label, int detectionSize) throws Exception {
        PhotoAnalysis a = analyzers.get(detectionSize).analyze(SharedMaterial.photo(label.path()));

        assertThat(a.faces()).as("faces in %s (%s)", label.path(), label.notes())
                .hasSizeBetween(label.minFaces(), label.maxFaces());
        assertThat(a.detectorId()).isEqualTo("yunet-2023mar");
        for (AnalyzedFace f : a.faces()) {
            BoundingBox b = f.box();
            assertThat(b.insideImage(a.width(), a.height(), 0)).as("box %s inside %dx%d", b, a.width(), a.height()).isTrue();
            assertThat(f.detectionScore()).isBetween(0.8, 1.0);
            assertThat(f.landmarks()).isNotNull();
            assertThat(f.embedding()).hasSize(128);
            double norm = 0;
            for (float v : f.embedding()) {
                norm += v * v;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(f.cropJpeg()).isNotEmpty();
            assertThat(f.cropJpeg()[0] & 0xFF).isEqualTo(0xFF);
            assertThat(f.cropJpeg()[1] & 0xFF).isEqualTo(0xD8);
            assertThat(f.quality().overall()).isBetween(0.0, 1.0);
        }
    }
}
