package app.facet.ui.main;

import javafx.scene.input.KeyCombination;

import java.util.List;

/** Every keyboard shortcut of the app in one place: the menus use them and Help → Keyboard Shortcuts lists them. */
public final class Shortcuts {
    public static final KeyCombination ADD_FOLDER = KeyCombination.keyCombination("Shortcut+O");
    public static final KeyCombination OPEN_LIBRARY = KeyCombination.keyCombination("Shortcut+Shift+O");
    public static final KeyCombination RESCAN = KeyCombination.keyCombination("F5");
    public static final KeyCombination EXPORT = KeyCombination.keyCombination("Shortcut+E");
    public static final KeyCombination QUIT = KeyCombination.keyCombination("Shortcut+Q");
    public static final KeyCombination DETECT_FACES = KeyCombination.keyCombination("Shortcut+D");
    public static final KeyCombination FIND_PEOPLE = KeyCombination.keyCombination("Shortcut+P");
    public static final KeyCombination DASHBOARD = KeyCombination.keyCombination("Shortcut+Shift+D");
    public static final KeyCombination EDIT_FACES = KeyCombination.keyCombination("Shortcut+Shift+E");
    public static final KeyCombination VERIFY = KeyCombination.keyCombination("Shortcut+Shift+V");
    public static final KeyCombination SEARCH_PEOPLE = KeyCombination.keyCombination("Shortcut+F");
    public static final KeyCombination CLEAR_FILTERS = KeyCombination.keyCombination("Shortcut+Shift+A");
    public static final KeyCombination TOGGLE_THEME = KeyCombination.keyCombination("Shortcut+Shift+T");
    public static final KeyCombination CANCEL_TASK = KeyCombination.keyCombination("Shortcut+Period");
    public static final KeyCombination HELP = KeyCombination.keyCombination("F1");
    public static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");

    /** One line of the shortcuts table. */
    public record Entry(String keys, String action) {
    }

    private Shortcuts() {
    }

    /** Select all photos in the grid (the grid's own key, listed here). */
    static final KeyCombination SELECT_ALL = KeyCombination.keyCombination("Shortcut+A");
    /** Save in the face editor. */
    static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");

    /**
     * Every line, keys spelled as on this computer's keyboard: "Ctrl+A" on Linux and Windows, "⌘A" on macOS (JavaFX's
     * display text of the combination; never the platform-neutral "Shortcut+A").
     */
    static List<Entry> table() {
        return List.of(
                new Entry(ADD_FOLDER.getDisplayText(), "Add a folder to the library and scan it"),
                new Entry(RESCAN.getDisplayText(), "Rescan the library's folders"),
                new Entry(OPEN_LIBRARY.getDisplayText(), "Open another library"),
                new Entry(EXPORT.getDisplayText(), "Export people and face assignments"),
                new Entry(QUIT.getDisplayText(), "Quit"),
                new Entry(SEARCH_PEOPLE.getDisplayText(), "Search people"),
                new Entry("F2 / Delete", "Rename / delete the person selected in the sidebar"),
                new Entry(UNDO.getDisplayText(), "Undo the last change to people"),
                new Entry(CLEAR_FILTERS.getDisplayText(), "Show all photos (clear filters)"),
                new Entry(CANCEL_TASK.getDisplayText(), "Cancel the running task"),
                new Entry(TOGGLE_THEME.getDisplayText(), "Switch between light and dark theme"),
                new Entry("Arrows, Shift+Arrows", "Move or extend the selection in the grid"),
                new Entry(SELECT_ALL.getDisplayText() + " / Esc", "Select all photos / clear the selection"),
                new Entry("Enter or double-click", "Open the photo viewer"),
                new Entry("Left / Right", "Viewer: previous / next photo"),
                new Entry("F, +, −", "Viewer: fit to window, zoom in, zoom out"),
                new Entry("Esc", "Viewer: close"),
                new Entry(FIND_PEOPLE.getDisplayText(), "Find people (name groups of unknown faces)"),
                new Entry(DASHBOARD.getDisplayText(), "Face quality dashboard"),
                new Entry(EDIT_FACES.getDisplayText(), "Edit the faces of the selected photo"),
                new Entry("B, Delete, " + SAVE.getDisplayText(), "Face editor: draw a box, delete the selected box, save"),
                new Entry(VERIFY.getDisplayText(), "Verify the database's integrity"),
                new Entry(HELP.getDisplayText(), "This list"));
    }
}
