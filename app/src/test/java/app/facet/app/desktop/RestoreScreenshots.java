package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.core.transfer.AssignmentExport;
import app.facet.core.transfer.AssignmentExporter;
import app.facet.core.transfer.AssignmentFiles;
import app.facet.core.transfer.AssignmentFormat;
import app.facet.core.transfer.ExportedFace;
import app.facet.core.library.FacetLibrary;
import app.facet.core.library.ModelOptions;
import app.facet.model.Face;
import app.facet.ui.main.MainWindow;
import app.facet.ui.transfer.RestorePreviewDialog;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static app.facet.app.desktop.QualityScreenshots.captureWindow;
import static app.facet.app.desktop.QualityScreenshots.fx;
import static app.facet.app.desktop.QualityScreenshots.waitFor;

/**
 * The File → Restore… preview, from the real app under Xvfb:
 * <pre>xvfb-run -a -s "-screen 0 1400x950x24" java -Xss16m -cp … app.facet.app.desktop.RestoreScreenshots /tmp/demo docs/screenshots</pre>
 * Builds the named demo library ({@link DemoLibrary}, in a child JVM) when missing, exports its decisions, then takes
 * two faces off their person (the restore puts them back) and adds to the file one decision on a box where the photo
 * has no face (a conflict), and captures the preview the window shows before anything is applied.
 */
public final class RestoreScreenshots {
    public static void main(String[] args) throws Exception {
        Path libraryDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        LibraryLocation library = new LibraryLocation(libraryDir);
        if (!library.exists()) {
            QualityScreenshots.buildDemoLibrary(libraryDir);
        }
        Path file = Files.createTempDirectory("facet-restore").resolve("facet-people-backup.json");
        List<Long> takenOff = exportThenUndoTwoDecisions(library, file);
        System.out.println("faces taken off their person: " + takenOff);

        FacetApplication app = ScreenshotApp.launch(library);
        MainWindow window = app.window();
        waitFor(() -> window.session().library() != null);
        fx(() -> {
            window.restore().preview(file);
            return null;
        });
        waitFor(() -> window.restore().previewDialog() != null && window.restore().previewDialog().dialog().isShowing());
        RestorePreviewDialog preview = fx(() -> window.restore().previewDialog());
        Stage dialog = fx(() -> {
            Stage s = (Stage) preview.dialog().getDialogPane().getScene().getWindow();
            ((TitledPane) preview.dialog().getDialogPane().lookup(".titled-pane")).setExpanded(true);
            s.setWidth(720);
            s.setHeight(600);
            s.setX(40);
            s.setY(40);
            return s;
        });
        Thread.sleep(1500);
        captureWindow(dialog, out.resolve("restore-preview.png"));
        System.exit(0);
    }

    /** Exports the library's decisions to {@code file} (plus one conflicting decision), then unassigns two named faces. */
    private static List<Long> exportThenUndoTwoDecisions(LibraryLocation location, Path file) throws Exception {
        try (FacetLibrary library = FacetLibrary.open(location, ModelOptions.DEFAULTS)) {
            AssignmentExport export = new AssignmentExporter(library.catalog()).export();
            List<ExportedFace> faces = new ArrayList<>(export.faces());
            ExportedFace named = faces.stream().filter(f -> f.person() != null).findFirst().orElseThrow();
            faces.add(new ExportedFace(named.photoPath(), named.contentHash(), 2, 2, 10, 10, named.person(), "user", false, false,
                    List.of(), false));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                AssignmentFiles.write(new AssignmentExport(export.version(), export.exportedAt(), export.persons(), faces, export.noFaces()),
                        AssignmentFormat.JSON, w);
            }
            var people = library.people().people();
            List<Long> off = new ArrayList<>();
            for (var person : people.listPeople(true)) {
                List<Face> of = people.facesOf(person.id());
                if (off.size() < 2 && !of.isEmpty()) {
                    people.unassignFace(of.get(0).id());
                    off.add(of.get(0).id());
                }
            }
            return off;
        }
    }
}
