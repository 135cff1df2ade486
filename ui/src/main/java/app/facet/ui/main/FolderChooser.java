package app.facet.ui.main;

import app.facet.ui.dialogs.StartFolder;
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

    /** The operating system's folder dialog, opening in the Pictures folder or the last folder used ({@link StartFolder}). */
    static FolderChooser system() {
        return (owner, title) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            chooser.setInitialDirectory(StartFolder.session().initial().toFile());
            File dir = chooser.showDialog(owner);
            Optional<Path> chosen = Optional.ofNullable(dir).map(File::toPath);
            chosen.ifPresent(StartFolder.session()::used);
            return chosen;
        };
    }
}
