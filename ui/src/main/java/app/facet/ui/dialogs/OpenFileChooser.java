package app.facet.ui.dialogs;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for an existing file to read. The default is the system's open dialog; tests give the file directly. */
@FunctionalInterface
public interface OpenFileChooser {
    /**
     * @param extensions accepted extensions without the dot, preferred first (e.g. "json", "csv")
     * @return the chosen file, empty when the user cancelled
     */
    Optional<Path> choose(Window owner, String title, String... extensions);

    /** The system's open dialog, opening in the Pictures folder or the last folder used ({@link StartFolder}). */
    static OpenFileChooser system() {
        return (owner, title, extensions) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialDirectory(StartFolder.session().initial().toFile());
            if (extensions.length > 0) {
                String[] patterns = java.util.Arrays.stream(extensions).map(e -> "*." + e).toArray(String[]::new);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", patterns), patterns));
            }
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
            Optional<Path> chosen = Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            chosen.ifPresent(StartFolder.session()::used);
            return chosen;
        };
    }
}
