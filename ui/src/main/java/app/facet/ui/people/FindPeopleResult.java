package app.facet.ui.people;

import app.facet.core.people.ClusteringResult;
import app.facet.core.people.RecognitionSummary;

/**
 * What one Find People run did: recognition against named people, then grouping of the faces still unknown.
 *
 * @param withoutEmbedding faces of the library (rows marked "not a face" excluded) with no embedding stored: neither
 *                         recognition nor grouping can compare them
 * @param whyNoEmbedding   one sentence saying why those faces have none, null when {@code withoutEmbedding} is 0
 */
public record FindPeopleResult(RecognitionSummary recognition, ClusteringResult clustering, long withoutEmbedding,
                               String whyNoEmbedding) {
}
