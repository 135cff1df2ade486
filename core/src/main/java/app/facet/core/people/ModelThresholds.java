package app.facet.core.people;

import app.facet.core.embedding.EmbeddingModelDescription;
import app.facet.core.embedding.ModelDescriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ThresholdsByModel} read from the shipped model descriptions (the {@code thresholds} block of each JSON). */
public final class ModelThresholds {
    private static final Logger log = LoggerFactory.getLogger(ModelThresholds.class);

    private ModelThresholds() {
    }

    /** The shipped descriptions; a model without a description gets {@link PeopleThresholds#MOBILEFACENET_DEFAULTS}. */
    public static ThresholdsByModel shipped() {
        return from(ModelDescriptions.shipped(), PeopleThresholds.MOBILEFACENET_DEFAULTS);
    }

    /**
     * @param fallback used (with a warning in the log) for an embedding model id no description has
     */
    public static ThresholdsByModel from(ModelDescriptions descriptions, PeopleThresholds fallback) {
        return modelId -> descriptions.embeddingModel(modelId)
                .map(ModelThresholds::of)
                .orElseGet(() -> {
                    log.warn("event=thresholds_fallback model={} reason=no_model_description", modelId);
                    return fallback;
                });
    }

    public static PeopleThresholds of(EmbeddingModelDescription description) {
        EmbeddingModelDescription.Thresholds t = description.thresholds();
        return new PeopleThresholds(t.clusterDistance(), t.recogniseAutoSimilarity(), t.reviewSimilarity());
    }
}
