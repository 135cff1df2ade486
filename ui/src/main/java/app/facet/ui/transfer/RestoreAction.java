package app.facet.ui.transfer;

import app.facet.core.transfer.RestoreInputException;
import app.facet.core.transfer.RestoreReport;
import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.dialogs.OpenFileChooser;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Objects;

/**
 * File → Restore…: the user picks a file written by File → Export… or {@code facet export}; a dry run of the restore
 * (core's {@code AssignmentRestorer}, the same call as {@code facet restore --dry-run}) is shown in a
 * {@link RestorePreviewDialog}, and only "Apply" changes the catalog (after a backup, in one transaction). A file that
 * cannot be applied (malformed, a photo outside this library, one face on two persons) is explained and nothing is
 * applied.
 */
public final class RestoreAction {
    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final StringProperty status;
    private OpenFileChooser files = OpenFileChooser.system();
    private RestorePreviewDialog shown;

    public RestoreAction(Window owner, LibrarySession session, TaskRunner tasks, StringProperty status) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.status = status;
    }

    /** Asks for the file, then previews it. */
    public void run() {
        if (session.library() != null) {
            files.choose(owner, "Restore people and face assignments from an export", "json", "csv").ifPresent(this::preview);
        }
    }

    /** Reads {@code file} as a dry run and shows what applying it would change. */
    public void preview(Path file) {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        tasks.run("Reading " + file.getFileName(), "faces", (p, c) -> library.restorer().restore(file, true),
                report -> {
                    shown = new RestorePreviewDialog(owner, RestorePreview.of(file, report), () -> apply(library, file));
                    shown.show();
                }, error -> refused(file, error));
    }

    /** The preview dialog shown last (tests). */
    public RestorePreviewDialog previewDialog() {
        return shown;
    }

    /** Replaces the file dialog (tests choose the file). */
    public void setFileChooser(OpenFileChooser chooser) {
        this.files = Objects.requireNonNull(chooser);
    }

    private void apply(LibraryContext library, Path file) {
        if (session.library() != library) {
            return; // another library was opened while the preview was shown: the preview says nothing about it
        }
        tasks.run("Restoring from " + file.getFileName(), "faces", (p, c) -> library.restorer().restore(file, false), report -> {
            session.catalogChanged();
            status.set(describe(file, report));
        }, error -> {
            session.catalogChanged(); // nothing was applied, but hand-drawn boxes added before a failure stay
            refused(file, error);
        });
    }

    private void refused(Path file, Throwable error) {
        String text = TaskRunner.describe(error);
        if (error instanceof RestoreInputException r && !r.problems().isEmpty()) {
            text = text + "\n\n" + String.join("\n", r.problems());
        }
        Dialogs.error(owner, "Cannot restore from " + file.getFileName(), text);
    }

    static String describe(Path file, RestoreReport r) {
        StringBuilder sb = new StringBuilder("Restored ").append(file.getFileName()).append(": ").append(r.changes().size())
                .append(r.changes().size() == 1 ? " change" : " changes");
        if (!r.unmatched().isEmpty()) {
            sb.append(", ").append(r.unmatched().size()).append(" not matched");
        }
        if (!r.kept().isEmpty()) {
            sb.append(", ").append(r.kept().size()).append(r.kept().size() == 1 ? " face" : " faces")
                    .append(" at a deleted place kept for a decision");
        }
        if (r.backup() != null) {
            sb.append("; backup of the catalog before it: ").append(r.backup());
        }
        return sb.append('.').toString();
    }
}
