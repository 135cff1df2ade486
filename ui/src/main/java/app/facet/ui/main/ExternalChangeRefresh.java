package app.facet.ui.main;

import app.facet.core.catalog.CatalogChangeWatch;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the window current when another process changes the catalog (a {@code facet scan}, {@code facet people
 * rename} in a terminal): every {@link #PERIOD} the open library's {@link CatalogChangeWatch} is asked, through the
 * task bridge, whether anyone committed a change; if so the session's revision goes up and every view reloads what it
 * shows (views keep their selection and scroll position on such a reload).
 * <p>
 * The window's own changes do not reload twice: each revision the window raises itself (after a rename, at the end of
 * a scan) makes the next look acknowledge what was committed so far instead of reporting it, and no look is taken
 * while the window's own foreground task (a scan writing thousands of rows) runs. UI thread only.
 */
final class ExternalChangeRefresh {
    private static final Logger log = LoggerFactory.getLogger(ExternalChangeRefresh.class);
    /** How often the catalog is asked; a change shows within about two periods. */
    static final Duration PERIOD = Duration.seconds(1);

    private final LibrarySession session;
    private final TaskRunner tasks;
    private final LatestOnly looks;
    private final Timeline timeline;
    private boolean inFlight;
    private boolean ownChangePending;
    private boolean raising;
    private LibraryContext failedFor;

    ExternalChangeRefresh(LibrarySession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
        this.looks = tasks.latestOnly();
        this.timeline = new Timeline(new KeyFrame(PERIOD, e -> look()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        session.revisionProperty().addListener((o, a, b) -> {
            if (!raising) {
                ownChangePending = true;
            }
        });
        session.libraryProperty().addListener((o, a, b) -> {
            looks.drop(); // a look at the previous library says nothing about this one
            inFlight = false;
            ownChangePending = false;
        });
    }

    void start() {
        timeline.play();
    }

    void stop() {
        timeline.stop();
        looks.drop();
    }

    private void look() {
        LibraryContext library = session.library();
        if (library == null || inFlight || library == failedFor || tasks.busyBinding().get()) {
            return;
        }
        CatalogChangeWatch watch = library.changes();
        if (watch.isClosed()) {
            return; // the library was closed (the app is quitting, or another library replaces it): its tasks may not start
        }
        boolean acknowledge = ownChangePending;
        ownChangePending = false;
        long revisionAtStart = session.revisionProperty().get();
        inFlight = true;
        looks.background("Checking the catalog for changes", (progress, cancel) -> {
            if (acknowledge) {
                watch.acknowledge();
                return false;
            }
            return watch.changed();
        }, changed -> {
            inFlight = false;
            // the window raised a revision of its own meanwhile: its views reload anyway, and the next look acknowledges
            boolean ownReloadRunning = session.revisionProperty().get() != revisionAtStart;
            if (changed && !ownReloadRunning) { // a look at another library was dropped with the lane
                log.info("event=catalog_changed_elsewhere library={}", library.location().root());
                raising = true;
                try {
                    session.catalogChanged();
                } finally {
                    raising = false;
                }
            }
        }, error -> {
            inFlight = false;
            // said once (the task bridge logged it); looking again every second would only repeat it
            failedFor = library;
        });
    }
}
