package app.facet.ui.editor;

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

    static PhotoFileChooser system() {
        return (owner, title) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Photos", "*.jpg", "*.jpeg", "*.JPG", "*.JPEG", "*.png", "*.PNG", "*.webp",
                            "*.bmp", "*.tif", "*.tiff"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(owner);
            return Optional.ofNullable(f).map(File::toPath);
        };
    }
}
