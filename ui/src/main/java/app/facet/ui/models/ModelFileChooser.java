package app.facet.ui.models;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a model file or a folder holding one. The default is the system's dialogs; tests give the path. */
public interface ModelFileChooser {
    /** @return the chosen .onnx file, empty when the user cancelled */
    Optional<Path> chooseFile(Window owner);

    /** @return the chosen folder, empty when the user cancelled */
    Optional<Path> chooseFolder(Window owner);

    /** The operating system's file and folder dialogs. */
    static ModelFileChooser system() {
        return new ModelFileChooser() {
            @Override
            public Optional<Path> chooseFile(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Choose the face model file");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX models (*.onnx)", "*.onnx"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseFolder(Window owner) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Choose the folder holding the face model");
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }
        };
    }
}
