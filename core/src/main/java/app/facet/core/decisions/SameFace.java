package app.facet.core.decisions;

import app.facet.core.embedding.EmbeddingModelDescription;
import app.facet.core.embedding.ModelDescriptions;

/**
 * The cosine similarity at or above which two embeddings of one model show the same face, for {@link FaceMatcher}:
 * the model's own "same person" level ({@code recogniseAutoSimilarity} of its shipped description). Within one photo
 * the same face cut again from the same pixels scores far above it, and two people of one photo below it.
 */
public final class SameFace {
    /** For a model without a shipped description: the mobilefacenet level (conservative for stronger models). */
    static final double FALLBACK_SIMILARITY = 0.55;

    private SameFace() {
    }

    /** @param modelId embedding model id, null when there is no model (then embeddings never pair faces) */
    public static FaceMatcher matcherFor(String modelId) {
        double t = modelId == null ? FALLBACK_SIMILARITY : ModelDescriptions.shipped().embeddingModel(modelId)
                .map(EmbeddingModelDescription::thresholds)
                .map(EmbeddingModelDescription.Thresholds::recogniseAutoSimilarity)
                .orElse(FALLBACK_SIMILARITY);
        return new FaceMatcher(t);
    }
}
