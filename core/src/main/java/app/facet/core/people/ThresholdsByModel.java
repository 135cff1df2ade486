package app.facet.core.people;

/**
 * Thresholds for the embedding model that produced a face's embedding (faces of different models are never
 * compared). The lead wires this from the model descriptions; {@link #fixed(PeopleThresholds)} uses one set for all.
 */
@FunctionalInterface
public interface ThresholdsByModel {

    /**
     * @param embeddingModelId value of {@code face_crops.embedding_model_id}
     * @return the thresholds for that model, never null
     */
    PeopleThresholds forModel(String embeddingModelId);

    static ThresholdsByModel fixed(PeopleThresholds thresholds) {
        return modelId -> thresholds;
    }
}
