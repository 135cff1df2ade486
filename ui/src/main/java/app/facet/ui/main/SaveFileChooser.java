package app.facet.ui.main;

import app.facet.ui.dialogs.StartFolder;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the user where to save a file. The default is the system's save dialog; tests give the path directly. */
@FunctionalInterface
public interface SaveFileChooser {
    /**
     * @param suggestedName file name offered, with the extension of the preferred format
     * @param extensions    accepted extensions without the dot, preferred first (e.g. "json", "csv")
     * @return the chosen file, empty when the user cancelled
     */
    Optional<Path> choose(Window owner, String title, String suggestedName, String... extensions);

    /** The system's save dialog, opening in the Pictures folder or the last folder used ({@link StartFolder}). */
    static SaveFileChooser system() {
        return (owner, title, suggestedName, extensions) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            chooser.setInitialDirectory(StartFolder.session().initial().toFile());
            for (String ext : extensions) {
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase() + " (*." + ext + ")", "*." + ext));
            }
            File file = chooser.showSaveDialog(owner);
            Optional<Path> chosen = Optional.ofNullable(file).map(File::toPath);
            chosen.ifPresent(StartFolder.session()::used);
            return chosen;
        };
    }
}
