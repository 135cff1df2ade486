package app.facet.core.embedding;

import java.util.Locale;
import java.util.Objects;

/**
 * How to run one face embedding model, read from a small JSON resource
 * ({@code app/facet/core/embedding/models/*.json}).
 * The model input is {@code [batch, 3, inputSize, inputSize]} float32 in {@code layout} NCHW, built from the
 * 112x112 aligned face as {@code (pixel - mean) * scale} per channel in {@code colorOrder}.
 *
 * @param id              stable id stored with every embedding (embedding_model_id)
 * @param file            file name in the model folder
 * @param sha256          SHA-256 of the file, lower-case hex
 * @param sizeBytes       file size in bytes, null when not recorded
 * @param url             pinned download URL; null for test-only models
 * @param licence         licence of the weights
 * @param inputName       ONNX input name
 * @param inputSize       input side in pixels (square)
 * @param layout          tensor layout; only "NCHW" is supported
 * @param colorOrder      channel order the model expects
 * @param mean            subtracted from each 0..255 channel value
 * @param scale           multiplied after the mean is subtracted
 * @param outputDimension length of the embedding vector
 * @param thresholds      default decision thresholds for this model's embeddings
 * @param testOnly        true for models that must never be auto-selected (unknown licence, test fixtures)
 */
public record EmbeddingModelDescription(String id, String file, String sha256, Long sizeBytes, String url, String licence,
                                        String inputName, int inputSize, String layout, ColorOrder colorOrder,
                                        double mean, double scale, int outputDimension, Thresholds thresholds,
                                        boolean testOnly) implements ModelFileDescription {

    public EmbeddingModelDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(inputName, "inputName");
        Objects.requireNonNull(colorOrder, "colorOrder");
        Objects.requireNonNull(thresholds, "thresholds");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("model " + id + ": sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        if (!"NCHW".equals(layout)) {
            throw new IllegalArgumentException("model " + id + ": only NCHW layout is supported, got " + layout);
        }
        if (inputSize <= 0 || outputDimension <= 0 || !(scale != 0) || !Double.isFinite(mean) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("model " + id + ": inputSize, outputDimension must be positive and mean/scale finite");
        }
    }

    /** Channel order of the model input. */
    public enum ColorOrder {
        RGB, BGR;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static ColorOrder parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Default thresholds, in this model's cosine-similarity scale (similarity = dot product of two L2-normalised embeddings).
     *
     * @param clusterDistance          average-linkage clustering cut, in cosine distance (1 - similarity)
     * @param recogniseAutoSimilarity  at or above: a face is assigned to a person automatically
     * @param reviewSimilarity         at or above (and below auto): a face is suggested for review
     */
    public record Thresholds(double clusterDistance, double recogniseAutoSimilarity, double reviewSimilarity) {
        public Thresholds {
            if (!(clusterDistance > 0 && clusterDistance < 2) || !(reviewSimilarity <= recogniseAutoSimilarity)) {
                throw new IllegalArgumentException("thresholds need 0 < clusterDistance < 2 and review <= auto");
            }
        }
    }
}
