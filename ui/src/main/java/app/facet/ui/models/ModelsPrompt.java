package app.facet.ui.models;

import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.stage.Window;

/**
 * Asks for the embedding model when a library opens without one (each start, since recognition cannot work
 * without it), and from Tools → Models…; says whether it is still missing, for the banner.
 */
public final class ModelsPrompt {
    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final ModelFileChooser files;
    private final ReadOnlyBooleanWrapper missing = new ReadOnlyBooleanWrapper(false);
    private ModelsDialog dialog;

    public ModelsPrompt(Window owner, LibrarySession session, TaskRunner tasks, ModelFileChooser files) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.files = files;
        session.libraryProperty().addListener((o, old, now) -> opened(now));
    }

    private void opened(LibraryContext library) {
        if (dialog != null) {
            dialog.stage().close();
        }
        missing.set(false);
        if (library == null) {
            return;
        }
        tasks.background("Checking the face models", (p, c) -> library.modelSetup().status(), status -> {
            if (session.library() == library && !status.ready()) {
                missing.set(true);
                open();
            }
        }, null);
    }

    /** Shows the dialog for the open library (Tools → Models…, the banner's button). */
    public void open() {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        if (dialog != null && dialog.stage().isShowing()) {
            dialog.stage().toFront();
            return;
        }
        dialog = new ModelsDialog(owner, new ModelsDialogModel(tasks, library.modelSetup(), () -> missing.set(false)), files);
        dialog.show();
    }

    /** True while the open library has no embedding model (faces are found but not recognised). */
    public ReadOnlyBooleanProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    /** The last dialog shown, or null (tests). */
    public ModelsDialog dialog() {
        return dialog;
    }
}
