package app.facet.ui.dashboard;

import app.facet.ui.editor.FaceEditorWindow;
import app.facet.ui.editor.PhotoFileChooser;
import app.facet.ui.people.PeopleActions;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.stage.Window;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The face quality dashboard and the crop editor, as the main window uses them: Faces → Face Quality Dashboard,
 * Faces → Edit Faces…, and the photo viewer's "Edit Faces…".
 */
public final class FaceQualityWindows {
    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final PeopleActions people;
    private final Supplier<long[]> selectedPhotos;
    /** Built at first use, not with the main window: the two windows' nodes and classes cost its first paint ~0.3 CPU s. */
    private FaceEditorWindow editor;
    private DashboardWindow dashboard;
    private PhotoFileChooser chooser = PhotoFileChooser.system();

    /** @param selectedPhotos ids of the photos selected in the grid (Edit Faces… opens the one selected photo) */
    public FaceQualityWindows(Window owner, LibrarySession session, TaskRunner tasks, PeopleActions people, Supplier<long[]> selectedPhotos) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.people = people;
        this.selectedPhotos = selectedPhotos;
    }

    public void showDashboard() {
        dashboard().show();
    }

    /** Faces → Edit Faces…: the one photo selected in the grid, else a photo file the user chooses. */
    public void editFaces() {
        long[] selected = selectedPhotos.get();
        if (selected != null && selected.length == 1) {
            editor().open(selected[0], null);
            return;
        }
        chooser.choose(owner, "Edit the faces of a photo").ifPresent(photo -> editor().open(photo));
    }

    /** Opens a catalogued photo in the crop editor (the photo viewer's "Edit Faces…"). */
    public void editPhoto(long photoId) {
        editor().open(photoId, null);
    }

    /** Replaces the file dialog of Edit Faces… (tests choose the file). */
    public void setPhotoChooser(PhotoFileChooser chooser) {
        this.chooser = Objects.requireNonNull(chooser);
    }

    /** The crop editor, built at the first call. UI thread. */
    public FaceEditorWindow editor() {
        if (editor == null) {
            editor = new FaceEditorWindow(owner, session, tasks);
        }
        return editor;
    }

    /** The dashboard, built at the first call. UI thread. */
    public DashboardWindow dashboard() {
        if (dashboard == null) {
            dashboard = new DashboardWindow(owner, session, tasks, people, editor());
        }
        return dashboard;
    }
}
