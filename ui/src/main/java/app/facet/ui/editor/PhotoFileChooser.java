package app.facet.ui.editor;

import app.facet.ui.dialogs.StartFolder;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a photo file (the system dialog; tests pass the file). */
@FunctionalInterface
public interface PhotoFileChooser {
    /** @return the chosen file, empty when the user cancelled */
    Optional<Path> choose(Window owner, String title);

    /** The system's open dialog, in the Pictures folder or the last folder used ({@link StartFolder}). */
    static PhotoFileChooser system() {
        return (owner, title) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialDirectory(StartFolder.session().initial().toFile());
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Photos", "*.jpg", "*.jpeg", "*.JPG", "*.JPEG", "*.png", "*.PNG", "*.webp",
                            "*.bmp", "*.tif", "*.tiff"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(owner);
            Optional<Path> chosen = Optional.ofNullable(f).map(File::toPath);
            chosen.ifPresent(StartFolder.session()::used);
            return chosen;
        };
    }
}
