package app.facet.ui.main;

import app.facet.ui.theme.Icons;
import app.facet.ui.theme.Theme;
import app.facet.ui.theme.ThemeSwitcher;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * File, Faces, Tools, View, Help. Items are disabled while they cannot run (no library, or a scan already running), through bindings.
 */
final class MainMenuBar extends MenuBar {

    /** What the menus trigger, and when they can. */
    record Actions(Runnable addFolder, Runnable rescan, Runnable openLibrary, Runnable export, Runnable quit, Runnable findPeople,
                   Runnable verify, Runnable models, Runnable about, Runnable shortcuts, Runnable logFolder, Runnable dashboard, Runnable editFaces,
                   ObservableBooleanValue libraryOpen, ObservableBooleanValue busy,
                   Runnable restore, Runnable detectFaces, ObservableBooleanValue photosSelected) {
    }

    MainMenuBar(Actions a, ThemeSwitcher themes) {
        setId("mainMenu");
        BooleanExpression open = BooleanExpression.booleanExpression(a.libraryOpen());
        BooleanExpression busy = BooleanExpression.booleanExpression(a.busy());

        MenuItem addFolder = item("Add Folder…", "menuAddFolder", MaterialDesignF.FOLDER_PLUS_OUTLINE, Shortcuts.ADD_FOLDER, a.addFolder());
        addFolder.disableProperty().bind(open.not().or(busy));
        MenuItem rescan = item("Rescan", "menuRescan", MaterialDesignR.REFRESH, Shortcuts.RESCAN, a.rescan());
        rescan.disableProperty().bind(open.not().or(busy));
        MenuItem openLibrary = item("Open Library…", "menuOpenLibrary", MaterialDesignF.FOLDER_OPEN_OUTLINE, Shortcuts.OPEN_LIBRARY, a.openLibrary());
        openLibrary.disableProperty().bind(busy);
        MenuItem export = item("Export…", "menuExport", MaterialDesignE.EXPORT, Shortcuts.EXPORT, a.export());
        export.disableProperty().bind(open.not().or(busy));
        MenuItem restore = item("Restore…", "menuRestore", MaterialDesignB.BACKUP_RESTORE, null, a.restore());
        restore.disableProperty().bind(open.not().or(busy));
        MenuItem quit = item("Quit", "menuQuit", MaterialDesignE.EXIT_TO_APP, Shortcuts.QUIT, a.quit());
        Menu file = new Menu("File", null, addFolder, rescan, openLibrary, new SeparatorMenuItem(), export, restore, new SeparatorMenuItem(), quit);

        MenuItem findPeople = item("Find People", "menuFindPeople", MaterialDesignA.ACCOUNT_SEARCH_OUTLINE, Shortcuts.FIND_PEOPLE, a.findPeople());
        findPeople.disableProperty().bind(open.not().or(busy));
        MenuItem dashboard = item("Face Quality Dashboard", "menuDashboard", MaterialDesignC.CHART_BOX_OUTLINE, Shortcuts.DASHBOARD, a.dashboard());
        dashboard.disableProperty().bind(open.not());
        MenuItem editFaces = item("Edit Faces…", "menuEditFaces", MaterialDesignV.VECTOR_SQUARE_EDIT, Shortcuts.EDIT_FACES, a.editFaces());
        editFaces.disableProperty().bind(open.not());
        MenuItem detectFaces = item("Detect Faces", "menuDetectFaces", MaterialDesignF.FACE_RECOGNITION, Shortcuts.DETECT_FACES,
                a.detectFaces());
        detectFaces.disableProperty().bind(open.not().or(busy).or(BooleanExpression.booleanExpression(a.photosSelected()).not()));
        Menu faces = new Menu("Faces", null, detectFaces, findPeople, dashboard, editFaces);

        MenuItem models = item("Models…", "menuModels", MaterialDesignC.CUBE_OUTLINE, null, a.models());
        models.disableProperty().bind(open.not());
        MenuItem verify = item("Verify Database Integrity…", "menuVerify", MaterialDesignD.DATABASE_CHECK_OUTLINE, Shortcuts.VERIFY, a.verify());
        verify.disableProperty().bind(open.not().or(busy));
        Menu tools = new Menu("Tools", null, verify, models);

        ToggleGroup group = new ToggleGroup();
        Menu view = new Menu("View");
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label() + " Theme");
            item.setId("menuTheme" + t.label());
            item.setToggleGroup(group);
            item.setSelected(themes.themeProperty().get() == t);
            item.setOnAction(e -> themes.themeProperty().set(t));
            themes.themeProperty().addListener((o, x, now) -> item.setSelected(now == t));
            view.getItems().add(item);
        }
        MenuItem toggle = item("Switch Theme", "menuToggleTheme", MaterialDesignS.SWAP_HORIZONTAL, Shortcuts.TOGGLE_THEME,
                () -> themes.themeProperty().set(themes.themeProperty().get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT));
        view.getItems().addAll(new SeparatorMenuItem(), toggle);

        Menu help = new Menu("Help", null,
                item("Keyboard Shortcuts", "menuShortcuts", MaterialDesignK.KEYBOARD_OUTLINE, Shortcuts.HELP, a.shortcuts()),
                item("Show Log Folder", "menuLogFolder", MaterialDesignF.FOLDER_TEXT_OUTLINE, null, a.logFolder()),
                item("About Facet", "menuAbout", MaterialDesignI.INFORMATION_OUTLINE, null, a.about()));

        getMenus().addAll(file, faces, tools, view, help);
    }

    /** Adds items another feature owns (e.g. names in photo metadata) at the end of the Tools menu. */
    void addToTools(java.util.List<MenuItem> items) {
        getMenus().stream().filter(m -> "Tools".equals(m.getText())).findFirst().ifPresent(m -> m.getItems().addAll(items));
    }

    private static MenuItem item(String text, String id, Ikon icon, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text, Icons.small(icon));
        item.setId(id);
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
