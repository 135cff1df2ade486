package app.facet.core.dashboard;

import app.facet.model.QualityLabel;

import java.util.Map;

/**
 * The shape of a library's faces (rows marked "not a face" excluded).
 *
 * @param quality  overall quality score in [0, 1], ten bins of 0.1
 * @param faceSize face size (shorter side of the bounding box, original-image pixels), bins at the sizes that matter
 *                 for recognition (24 px: little identity left; 112 px: the model's input size)
 * @param labels   faces per quality label (labels with no face included, as 0)
 */
public record Distributions(Histogram quality, Histogram faceSize, Map<QualityLabel, Long> labels) {
    public Distributions {
        labels = Map.copyOf(labels);
    }
}
