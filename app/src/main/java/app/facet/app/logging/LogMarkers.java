package app.facet.app.logging;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** Markers the logging configuration ({@link FacetLogConfigurator}) routes on. */
public final class LogMarkers {
    /** The user already saw this as one sentence: write it (with its trace) to the log file only, not the terminal. */
    public static final Marker TOLD_USER = MarkerFactory.getMarker("TOLD_USER");

    private LogMarkers() {
    }
}
