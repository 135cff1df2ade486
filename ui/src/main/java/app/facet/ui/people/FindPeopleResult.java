package app.facet.ui.people;

import app.facet.core.people.ClusteringResult;
import app.facet.core.people.RecognitionSummary;

/** What one Find People run did: recognition against named people, then grouping of the faces still unknown. */
public record FindPeopleResult(RecognitionSummary recognition, ClusteringResult clustering) {
}
