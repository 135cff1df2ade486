package app.facet.ui.main;

import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a folder. The default is the system's folder dialog; tests give the folder directly. */
@FunctionalInterface
public interface FolderChooser {
    /** @return the chosen folder, empty when the user cancelled */
    Optional<Path> choose(Window owner, String title);

    /** The operating system's folder dialog. */
    static FolderChooser system() {
        return (owner, title) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File dir = chooser.showDialog(owner);
            return Optional.ofNullable(dir).map(File::toPath);
        };
    }
}
