package app.facet.ui.main;

import app.facet.core.catalog.CatalogChangeWatch;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.tasks.TrackedTask;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the window current when another process changes the catalog (a {@code facet scan}, {@code facet people
 * merge} in a terminal): every {@link #PERIOD} the open library's {@link CatalogChangeWatch} is asked, through the
 * task bridge, whether anyone committed a change; if so the session's revision goes up and every view reloads what it
 * shows (views keep their selection and scroll position on such a reload).
 * <p>
 * The window's own changes do not reload twice: when the window raises a revision itself (after a rename, at the end
 * of a scan) the watch acknowledges at once what was committed so far, while the views start reading it; a look that
 * was under way then is dropped (its lane is overtaken). No look is taken while the window's own foreground task (a
 * scan writing thousands of rows) runs. UI thread only.
 */
final class ExternalChangeRefresh {
    private static final Logger log = LoggerFactory.getLogger(ExternalChangeRefresh.class);
    /** How often the catalog is asked; a change shows within about two periods. */
    static final Duration PERIOD = Duration.seconds(1);

    private final LibrarySession session;
    private final TaskRunner tasks;
    private final LatestOnly looks;
    private final Timeline timeline;
    private TrackedTask<Boolean> running;
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
                acknowledge();
            }
        });
        session.libraryProperty().addListener((o, a, b) -> looks.drop()); // a look at the previous library says nothing here
    }

    void start() {
        timeline.play();
    }

    void stop() {
        timeline.stop();
        looks.drop();
    }

    /** The window changed the catalog and its views reload: what was committed so far is seen. */
    private void acknowledge() {
        CatalogChangeWatch watch = watchOfOpenLibrary();
        if (watch != null) {
            running = looks.background("Acknowledging the window's own catalog change", (progress, cancel) -> {
                watch.acknowledge();
                return false;
            }, null, error -> failedFor = session.library());
        }
    }

    private void look() {
        CatalogChangeWatch watch = watchOfOpenLibrary();
        if (watch == null || (running != null && !running.isDone()) || tasks.busyBinding().get()) {
            return;
        }
        LibraryContext library = session.library();
        running = looks.background("Checking the catalog for changes", (progress, cancel) -> watch.changed(), changed -> {
            if (changed) {
                log.info("event=catalog_changed_elsewhere library={}", library.location().root());
                raising = true;
                try {
                    session.catalogChanged();
                } finally {
                    raising = false;
                }
            }
        }, error -> failedFor = library); // said once (the task bridge logged it): looking again would only repeat it
    }

    /** @return the open library's watch; null when none is open, it is closed (the app is quitting) or it failed */
    private CatalogChangeWatch watchOfOpenLibrary() {
        LibraryContext library = session.library();
        if (library == null || library == failedFor || library.changes().isClosed()) {
            return null;
        }
        return library.changes();
    }
}
