package app.facet.ui.library;

import app.facet.core.editor.FaceEditException;
import app.facet.core.editor.PhotoRedetector;
import app.facet.core.editor.RedetectResult;
import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Faces → Detect Faces: the photos selected in the library grid go through face detection again (core's
 * {@link PhotoRedetector}, one photo at a time, as a foreground task with progress and Cancel). The user's decisions
 * survive: a face found at the same place keeps its person, "not a face" mark, refusals and cover role; a decision on a
 * face detection no longer finds is kept for review, never dropped. A photo that cannot be re-detected (its file is
 * gone) is reported with its reason and the others carry on.
 */
public final class DetectFacesAction {
    private static final Logger log = LoggerFactory.getLogger(DetectFacesAction.class);

    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final LibraryGridModel grid;
    private final StringProperty status;

    public DetectFacesAction(Window owner, LibrarySession session, TaskRunner tasks, LibraryGridModel grid, StringProperty status) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.grid = grid;
        this.status = status;
    }

    /** True while at least one photo is selected in the grid (the menu item is enabled then). */
    public BooleanBinding possibleBinding() {
        return grid.selectedCountProperty().greaterThan(0);
    }

    /** Asks, then re-detects the selected photos. */
    public void run() {
        LibraryContext library = session.library();
        long[] ids = grid.selectedIds();
        if (library == null || ids.length == 0) {
            return;
        }
        String what = ids.length == 1 ? "the selected photo" : "the " + ids.length + " selected photos";
        if (Dialogs.confirm(owner, "Detect the faces of " + what + " again?", "Their faces are replaced by what detection finds "
                + "now. A face found at the same place keeps its person, its \"not a face\" mark and its cover role; your "
                + "decisions on a face detection no longer finds are kept for review; a face you deleted stays deleted.", "Detect Faces")) {
            detect(library, ids);
        }
    }

    /** Re-detects {@code photoIds} without asking (the confirmation was given). */
    public void detect(LibraryContext library, long[] photoIds) {
        PhotoRedetector redetector = library.faceQuality().redetector();
        tasks.run("Detecting faces again", "photos", (progress, cancel) -> {
            Outcome outcome = new Outcome();
            for (int i = 0; i < photoIds.length && !cancel.isCancelled(); i++) {
                try {
                    RedetectResult r = redetector.redetect(photoIds[i]);
                    outcome.photos++;
                    outcome.faces += r.facesAfter();
                    outcome.kept += r.kept();
                    outcome.deleted += r.notRestored();
                } catch (FaceEditException e) {
                    log.warn("event=redetect_failed photo={} reason=\"{}\"", photoIds[i], e.getMessage());
                    outcome.failures.add(e.getMessage());
                }
                progress.report(i + 1, photoIds.length, null);
            }
            return outcome;
        }, outcome -> {
            session.catalogChanged();
            status.set(outcome.describe());
            if (!outcome.failures.isEmpty()) {
                Dialogs.error(owner, outcome.failures.size() + (outcome.failures.size() == 1 ? " photo" : " photos")
                        + " could not be detected again", String.join("\n", outcome.failures.subList(0, Math.min(10, outcome.failures.size()))));
            }
        }, error -> {
            session.catalogChanged(); // the photos done before the failure are re-detected
            Dialogs.error(owner, "Detecting faces failed", TaskRunner.describe(error));
        });
    }

    /** What the task did, for the status line. */
    private static final class Outcome {
        int photos;
        int faces;
        int kept;
        int deleted;
        final List<String> failures = new ArrayList<>();

        String describe() {
            return String.format(Locale.ROOT, "Detected faces again in %d %s: %d %s found, %d at the place of a face found before%s%s.", photos,
                    photos == 1 ? "photo" : "photos", faces, faces == 1 ? "face" : "faces", kept,
                    deleted == 0 ? "" : ", " + deleted + " you deleted not brought back",
                    failures.isEmpty() ? "" : "; " + failures.size() + " failed");
        }
    }
}
