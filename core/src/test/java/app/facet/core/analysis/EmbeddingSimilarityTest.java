package app.facet.core.analysis;

import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.core.embedding.OnnxEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With the test embedding model (mobilefacenet), photos of one person are closer than photos of different people. */
class EmbeddingSimilarityTest {

    private static OpenCvPhotoAnalyzer analyzer;
    private static final Map<String, float[]> embeddings = new LinkedHashMap<>();

    @BeforeAll
    static void open() throws Exception {
        analyzer = TestAnalyzers.withEmbeddings();
        for (String p : new String[]{"people/barack_obama/obama.jpg", "people/barack_obama/obama2.jpg", "people/barack_obama/obama3.jpg",
                "people/barack_obama/obama4.jpg", "people/joe_biden/biden.jpg", "people/joe_biden/biden2.jpg",
                "people/rose_leslie/rose1.jpg", "people/rose_leslie/rose2.jpg", "people/alex_lacamoire/alex2.jpg",
                "people/alex_lacamoire/alex3.jpg"}) {
            PhotoAnalysis a = analyzer.analyze(SharedMaterial.photo(p));
            assertThat(a.faces()).hasSize(1);
            embeddings.put(p.substring(p.lastIndexOf('/') + 1), a.faces().get(0).embedding());
        }
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    private static double sim(String a, String b) {
        return OnnxEmbedder.cosineSimilarity(embeddings.get(a), embeddings.get(b));
    }

    @Test
    void samePersonIsMoreSimilarThanDifferentPeople() {
        assertThat(sim("obama.jpg", "obama2.jpg")).isGreaterThan(sim("obama.jpg", "biden.jpg"));
        assertThat(sim("obama.jpg", "obama3.jpg")).isGreaterThan(sim("obama3.jpg", "biden2.jpg"));
        assertThat(sim("biden.jpg", "biden2.jpg")).isGreaterThan(sim("biden.jpg", "obama4.jpg"));
        assertThat(sim("rose1.jpg", "rose2.jpg")).isGreaterThan(sim("rose1.jpg", "alex2.jpg"));
    }

    @Test
    void everySamePersonPairBeatsEveryDifferentPersonPairOfThatPhoto() {
        for (String a : embeddings.keySet()) {
            double worstSame = 1, bestOther = -1;
            for (String b : embeddings.keySet()) {
                if (a.equals(b)) {
                    continue;
                }
                double s = sim(a, b);
                if (person(a).equals(person(b))) {
                    worstSame = Math.min(worstSame, s);
                } else {
                    bestOther = Math.max(bestOther, s);
                }
            }
            assertThat(worstSame).as("least similar photo of the same person as %s vs most similar other person", a).isGreaterThan(bestOther);
        }
    }

    @Test
    void embeddingsAreUnitLengthAndModelIsReported() {
        assertThat(analyzer.embeddingModelId()).contains("mobilefacenet");
        assertThat(analyzer.embeddingDimension()).contains(128);
        assertThat(analyzer.embeddingModelSha256()).contains("0c9ad2a83969fc82155706f7020e6926b4a1a90a5476fff4a5588dfe207f64a4");
        assertThat(sim("obama.jpg", "obama.jpg")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    private static String person(String file) {
        return file.replaceAll("[0-9]*\\.jpg$", "");
    }
}
