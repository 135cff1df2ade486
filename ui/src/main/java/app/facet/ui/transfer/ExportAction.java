package app.facet.ui.transfer;

import app.facet.core.transfer.AssignmentExport;
import app.facet.core.transfer.AssignmentFiles;
import app.facet.core.transfer.AssignmentFormat;
import app.facet.ui.dialogs.Dialogs;
import app.facet.ui.main.SaveFileChooser;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.TaskRunner;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * File → Export…: every person and every face's assignment (photo path, content hash, box, person, assigned_by) to
 * JSON or CSV (by the file's extension), the format `facet restore` reads back.
 */
public final class ExportAction {
    private final Window owner;
    private final LibrarySession session;
    private final TaskRunner tasks;
    private final SaveFileChooser saves;
    private final StringProperty status;

    public ExportAction(Window owner, LibrarySession session, TaskRunner tasks, SaveFileChooser saves, StringProperty status) {
        this.owner = owner;
        this.session = session;
        this.tasks = tasks;
        this.saves = saves;
        this.status = status;
    }

    public void run() {
        LibraryContext library = session.library();
        if (library == null) {
            return;
        }
        saves.choose(owner, "Export people and face assignments", "facet-people-" + LocalDate.now() + ".json", "json", "csv")
                .ifPresent(file -> tasks.run("Exporting to " + file.getFileName(), "faces", (p, c) -> {
                    AssignmentExport export = library.exporter().export();
                    write(export, file);
                    return export;
                }, export -> status.set("Exported " + export.persons().size() + " people and " + export.faces().size()
                        + " faces to " + file + "."), error -> Dialogs.error(owner, "The export failed", TaskRunner.describe(error))));
    }

    /** Written beside the target and moved into place: a failed export never leaves half a file under the chosen name. */
    private static void write(AssignmentExport export, Path file) throws Exception {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        AssignmentFormat format = name.endsWith(".csv") ? AssignmentFormat.CSV : AssignmentFormat.JSON;
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".facet-export", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                AssignmentFiles.write(export, format, out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
