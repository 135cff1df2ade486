package app.facet.ui.main;

import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.session.LibraryOpener;
import app.facet.ui.tasks.TaskRunner;

/**
 * What the main window needs from the app's wiring.
 *
 * @param opener   opens a library's catalog and services (off the UI thread)
 * @param settings remembered libraries and theme
 * @param tasks    the bridge every background job goes through
 * @param folders  asks the user for a folder
 * @param saves    asks the user where to save a file (exports, reports)
 * @param version  the app's version, for Help → About
 */
public record DesktopServices(LibraryOpener opener, UserSettingsStore settings, TaskRunner tasks, FolderChooser folders,
                              SaveFileChooser saves, String version) {
}
