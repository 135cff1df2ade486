package app.facet.core.library;

import app.facet.core.catalog.Catalog;
import app.facet.core.people.ClusterService;
import app.facet.core.people.ModelThresholds;
import app.facet.core.people.PeopleService;
import app.facet.core.people.RecognitionService;
import app.facet.core.people.SeedQuality;
import app.facet.core.people.ThresholdsByModel;
import app.facet.core.people.UndoHistory;

/**
 * The people services of one open library. They share one undo history, so an undo reverts the last people edit
 * whichever service made it, and take their similarity thresholds from the shipped model descriptions.
 */
public record PeopleServices(PeopleService people, ClusterService clusters, RecognitionService recognition) {

    static PeopleServices over(Catalog catalog) {
        UndoHistory history = new UndoHistory();
        ThresholdsByModel thresholds = ModelThresholds.shipped();
        return new PeopleServices(new PeopleService(catalog, history),
                new ClusterService(catalog, thresholds, SeedQuality.DEFAULTS, history),
                new RecognitionService(catalog, thresholds, history));
    }
}
