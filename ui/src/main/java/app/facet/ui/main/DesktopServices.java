package app.facet.ui.main;

import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.models.ModelFileChooser;
import app.facet.ui.session.LibraryOpener;
import app.facet.ui.tasks.TaskRunner;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the main window needs from the app's wiring.
 *
 * @param opener   opens a library's catalog and services (off the UI thread)
 * @param settings remembered libraries and theme
 * @param tasks    the bridge every background job goes through
 * @param folders  asks the user for a folder
 * @param saves    asks the user where to save a file (exports, reports)
 * @param version  the app's version, for Help → About
 * @param modelFiles asks the user for a face model file or folder (offline machines)
 * @param logFolder  the folder holding the log file, for Help → Show Log Folder
 * @param browse     opens a folder or address in the system's file manager or browser
 */
public record DesktopServices(LibraryOpener opener, UserSettingsStore settings, TaskRunner tasks, FolderChooser folders,
                              SaveFileChooser saves, String version, ModelFileChooser modelFiles, Path logFolder,
                              Consumer<URI> browse) {
}
