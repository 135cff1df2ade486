package app.facet.core.embedding;

import app.facet.core.testing.SharedMaterial;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;

/**
 * A crowd photo's faces are embedded in runs of at most {@link OnnxEmbedder#MAX_BATCH} (bounded memory, issue 14):
 * every face keeps its own embedding, in input order, whatever the batch it went through.
 */
class OnnxEmbedderBatchTest {

    @Test
    void moreFacesThanOneBatchGiveTheEmbeddingsOfEachFaceAloneInOrder() {
        ModelLocator locator = new ModelLocator(SharedMaterial.models(), ModelDescriptions.shipped(), FileHashCache.inMemory());
        LocatedModel<EmbeddingModelDescription> model = locator.findEmbeddingModel("mobilefacenet").model();
        int count = 2 * OnnxEmbedder.MAX_BATCH + 3;
        List<Mat> faces = new ArrayList<>();
        try (OnnxEmbedder embedder = new OnnxEmbedder(model, 1)) {
            int side = embedder.description().inputSize();
            Random seeds = new Random(14);
            for (int i = 0; i < count; i++) {
                Mat face = new Mat(side, side, CV_8UC3);
                try (Mat low = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(0));
                     Mat high = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(255))) {
                    org.bytedeco.opencv.global.opencv_core.setRNGSeed(seeds.nextInt());
                    randu(face, low, high);
                }
                faces.add(face);
            }

            float[][] together = embedder.embed(faces);

            assertThat(together).hasNumberOfRows(count);
            for (int i = 0; i < count; i++) {
                float[] alone = embedder.embed(List.of(faces.get(i)))[0];
                assertThat(OnnxEmbedder.cosineSimilarity(together[i], alone)).as("face %d", i).isGreaterThan(0.9999);
                if (i > 0) {
                    assertThat(OnnxEmbedder.cosineSimilarity(together[i], together[i - 1])).as("faces %d and %d differ", i, i - 1).isLessThan(0.9999);
                }
            }
        } finally {
            faces.forEach(Mat::close);
        }
    }
}
