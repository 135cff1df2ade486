package app.facet.app.desktop;

import app.facet.core.catalog.LibraryLocation;
import app.facet.ui.main.MainWindow;
import app.facet.ui.people.NameField;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static app.facet.app.desktop.QualityScreenshots.captureWindow;
import static app.facet.app.desktop.QualityScreenshots.fx;
import static app.facet.app.desktop.QualityScreenshots.waitFor;

/**
 * Screenshots of Find People (a name typed in a group's name box, the matching person listed under it, the header's
 * count of what is left) and Help → Keyboard Shortcuts, from the real app under Xvfb:
 * <pre>xvfb-run -a -s "-screen 0 1400x950x24" java -Xss16m -cp … app.facet.app.desktop.PeopleScreenshots /tmp/unnamed docs/screenshots</pre>
 * Builds a scanned library where nobody is named ({@link DemoLibrary} scan-only, in a child JVM) when missing, names
 * Kit Harington and Barack Obama from one photo each through the library's PeopleService, and captures the X screen.
 */
public final class PeopleScreenshots {
    public static void main(String[] args) throws Exception {
        Path libraryDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        LibraryLocation library = new LibraryLocation(libraryDir);
        if (!library.exists()) {
            QualityScreenshots.buildDemoLibrary(libraryDir, "scan-only");
        }
        FacetApplication app = ScreenshotApp.launch(library);
        MainWindow window = app.window();
        waitFor(() -> window.session().library() != null);
        name(window, library, "kit1.jpg", "Kit Harington");
        name(window, library, "obama.jpg", "Barack Obama");

        // Find People after a run: "bar" typed in the first group's name box, Barack Obama offered
        fx(() -> {
            window.findPeople().open();
            Stage s = window.findPeople().stage();
            s.setX(0);
            s.setY(0);
            s.setWidth(1000);
            s.setHeight(720);
            return null;
        });
        waitFor(() -> window.findPeople().stage().getScene().lookup("#findPeopleRemaining") instanceof javafx.scene.control.Label l
                && !l.getText().isEmpty());
        Thread.sleep(2000); // crops load in the background
        fx(() -> {
            NameField field = (NameField) window.findPeople().stage().getScene().getRoot().lookupAll(".cluster-cell").stream()
                    .filter(n -> ((ListCell<?>) n).getIndex() == 0).findFirst().orElseThrow().lookup(".cluster-name");
            field.requestFocus();
            field.setText("bar");
            return null;
        });
        Thread.sleep(1000);
        captureWindow(window.findPeople().stage(), out.resolve("find-people.png"));
        fx(() -> { window.findPeople().stage().close(); return null; });

        // Help → Keyboard Shortcuts
        fx(() -> {
            MenuBar bar = (MenuBar) window.stage().getScene().lookup("#mainMenu");
            MenuItem shortcuts = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "menuShortcuts".equals(i.getId())).findFirst().orElseThrow();
            shortcuts.fire();
            return null;
        });
        waitFor(() -> shortcutsWindow() != null);
        fx(() -> {
            Window w = shortcutsWindow();
            w.setX(0);
            w.setY(0);
            return null;
        });
        Thread.sleep(1000);
        Window dialog = fx(PeopleScreenshots::shortcutsWindow);
        captureWindow((Stage) dialog, out.resolve("keyboard-shortcuts.png"));
        System.exit(0);
    }

    private static Window shortcutsWindow() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#shortcutsTable") != null).findFirst().orElse(null);
    }

    /** Names the only face of the shared photo {@code file} through the library's PeopleService. */
    private static void name(MainWindow window, LibraryLocation library, String file, String person) throws Exception {
        long face;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.catalogFile()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE p.path LIKE '%/"
                     + file + "' AND f.not_a_face = 0")) {
            rs.next();
            face = rs.getLong(1);
        }
        window.session().library().peopleService().assignFaceToNewPerson(face, person);
        fx(() -> { window.session().catalogChanged(); return null; });
    }

}
