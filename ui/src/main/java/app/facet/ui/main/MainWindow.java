package app.facet.ui.main;

import app.facet.ui.dashboard.FaceQualityWindows;
import app.facet.ui.dialogs.Dialogs;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.settings.UserSettings;
import app.facet.ui.findpeople.FindPeopleWindow;
import app.facet.ui.integrity.IntegrityActions;
import app.facet.ui.integrity.IntegrityWindow;
import app.facet.ui.transfer.ExportAction;
import app.facet.ui.transfer.RestoreAction;
import app.facet.ui.library.DetectFacesAction;
import javafx.beans.binding.Bindings;
import app.facet.ui.library.LibraryView;
import app.facet.ui.people.PeopleActions;
import app.facet.ui.people.PeopleSidebar;
import app.facet.ui.review.MetadataTools;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.session.LibrarySession;
import app.facet.ui.tasks.LatestOnly;
import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.dialogs.StartFolder;
import app.facet.ui.theme.Theme;
import app.facet.ui.theme.ThemeSwitcher;
import app.facet.ui.viewer.FaceMenu;
import app.facet.ui.viewer.PhotoViewer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import app.facet.ui.models.ModelsBanner;
import app.facet.ui.models.ModelsPrompt;
import javafx.stage.Stage;

/**
 * The main window: menu bar, people sidebar (left), filter bar and photo grid, status bar; the welcome pane in
 * place of the grid while the library is empty. Owns the {@link LibrarySession} every view follows.
 */
public final class MainWindow {
    private final Stage stage;
    private final DesktopServices services;
    private final LibrarySession session = new LibrarySession();
    private final ThemeSwitcher themes;
    private final PeopleSidebar sidebar;
    private final PeopleActions people;
    /** Built when first opened (as the face-quality windows): not needed for the window's first paint. */
    private app.facet.ui.gallery.PersonGalleryWindow gallery;
    private final LibraryView library;
    private final StatusBar statusBar;
    private final PhotoViewer viewer;
    private final FindPeopleWindow findPeople;
    private final IntegrityActions integrity;
    private final IntegrityWindow integrityWindow;
    private final LibraryActions actions;
    private final FaceQualityWindows faceQuality;
    private final ModelsPrompt models;
    private final RestoreAction restore;
    private final BooleanProperty empty = new SimpleBooleanProperty(false);
    private final LatestOnly photoCounts;
    private final MetadataTools metadataTools;

    public MainWindow(Stage stage, DesktopServices services) {
        this.stage = stage;
        this.services = services;
        TaskRunner tasks = services.tasks();
        this.photoCounts = tasks.latestOnly();
        UserSettings settings = services.settings().load();
        StartFolder.session().rememberAcrossRuns(settings.lastFolder(), folder -> tasks.background("Saving settings", (p, c) -> {
            services.settings().save(services.settings().load().withLastFolder(folder));
            return null;
        }, null, null));
        themes = new ThemeSwitcher(Theme.fromId(settings.theme()), theme -> tasks.background("Saving settings", (p, c) -> {
            services.settings().save(services.settings().load().withTheme(theme.id()));
            return null;
        }, null, null));

        people = new PeopleActions(stage, session, tasks);
        sidebar = new PeopleSidebar(session, tasks, people);
        sidebar.setOnOpenFaces(person -> gallery().open(person));
        library = new LibraryView(session, tasks);
        library.setPersonNames(sidebar::nameOf);
        statusBar = new StatusBar(tasks);
        actions = new LibraryActions(stage, session, services, statusBar.messageProperty());
        viewer = new PhotoViewer(stage, session, tasks, new FaceMenu(people,
                () -> sidebar.people().stream().map(p -> p.person().name()).toList()));
        statusBar.showUndo(people.lastActionProperty(), people::undo);
        library.setOnOpen(viewer::open);
        faceQuality = new FaceQualityWindows(stage, session, tasks, people, () -> library.grid().selectedIds());
        viewer.setOnEditFaces(faceQuality::editPhoto);
        HelpDialogs help = new HelpDialogs(stage, session, tasks, services.version(), services.logFolder(), services.browse());
        models = new ModelsPrompt(stage, session, tasks, services.modelFiles());

        WelcomePane welcome = new WelcomePane(actions::addFolder, actions::openLibrary);
        welcome.visibleProperty().bind(empty.and(tasks.busyBinding().not()));
        StackPane centre = new StackPane(library, welcome);
        SplitPane split = new SplitPane(sidebar, centre);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(sidebar, false);

        findPeople = new FindPeopleWindow(stage, session, tasks, people,
                () -> sidebar.people().stream().map(p -> p.person().name()).toList());
        findPeople.stage().getScene().getAccelerators().put(Shortcuts.UNDO, people::undo);
        integrity = new IntegrityActions(stage, session, library.listedProperty(), tasks, services.saves());
        integrityWindow = new IntegrityWindow(stage, session, tasks, integrity);
        statusBar.integrityProblemsProperty().bind(Bindings.createIntegerBinding(() -> integrity.lastReportProperty().get() == null
                ? 0 : (int) Math.min(Integer.MAX_VALUE, integrity.lastReportProperty().get().problemCount()), integrity.lastReportProperty()));
        statusBar.setOnBadgeClicked(integrityWindow::showLast);
        ExportAction export = new ExportAction(stage, session, tasks, services.saves(), statusBar.messageProperty());
        restore = new RestoreAction(stage, session, tasks, statusBar.messageProperty());
        DetectFacesAction detect = new DetectFacesAction(stage, session, tasks, library.model(), statusBar.messageProperty());
        MainMenuBar menu = new MainMenuBar(new MainMenuBar.Actions(actions::addFolder, actions::rescan, actions::openLibrary,
                export::run, this::quit, findPeople::open, integrityWindow::open, models::open, help::about, help::shortcuts, help::showLogFolder,
                faceQuality::showDashboard, faceQuality::editFaces, session.openBinding(), tasks.busyBinding(),
                restore::run, detect::run, detect.possibleBinding()), themes);
        metadataTools = new MetadataTools(stage, session, tasks, services.settings(), path -> services.browse().accept(path.toUri()));
        menu.addToTools(metadataTools.menuItems());
        VBox centreWithBanner = new VBox(new ModelsBanner(models), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        BorderPane root = new BorderPane(centreWithBanner, menu, null, statusBar, null);
        root.getStyleClass().add("main-window");

        // never larger than the screen (small laptops, headless test screens)
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = ThemeSwitcher.style(new Scene(root, Math.min(1280, screen.getWidth()), Math.min(820, screen.getHeight())));
        scene.getAccelerators().put(Shortcuts.SEARCH_PEOPLE, () -> sidebar.searchField().requestFocus());
        scene.getAccelerators().put(Shortcuts.CLEAR_FILTERS, () -> session.filterProperty().set(app.facet.core.browse.PhotoFilter.ALL));
        scene.getAccelerators().put(Shortcuts.CANCEL_TASK, tasks::cancelCurrent);
        scene.getAccelerators().put(Shortcuts.UNDO, people::undo);
        viewer.stage().getScene().getAccelerators().put(Shortcuts.UNDO, people::undo);
        stage.setScene(scene);
        stage.setTitle("Facet");
        stage.setMinWidth(800);
        stage.setMinHeight(500);

        session.libraryProperty().addListener((o, a, lib) -> {
            stage.setTitle(lib == null ? "Facet" : "Facet — " + lib.location().root());
            refreshEmpty();
        });
        session.revisionProperty().addListener((o, a, b) -> refreshEmpty());
        ExternalChangeRefresh external = new ExternalChangeRefresh(session, tasks);
        stage.showingProperty().addListener((o, was, showing) -> {
            if (showing) {
                external.start();
            } else {
                external.stop();
            }
        });
        if (stage.isShowing()) {
            external.start(); // a stage shown before this window was built (tests reuse one)
        }
        stage.setOnCloseRequest(e -> {
            if (!mayQuit()) {
                e.consume();
            }
        });
    }

    /** Opens {@code location} (creating an empty library there if needed) in the background. */
    public void open(LibraryLocation location) {
        actions.open(location);
    }

    public Stage stage() {
        return stage;
    }

    public LibrarySession session() {
        return session;
    }

    public LibraryView libraryView() {
        return library;
    }

    public PeopleSidebar sidebar() {
        return sidebar;
    }

    /** The face gallery of the person opened from the sidebar. */
    public app.facet.ui.gallery.PersonGalleryWindow gallery() {
        if (gallery == null) {
            gallery = new app.facet.ui.gallery.PersonGalleryWindow(stage, session, services.tasks(), people, sidebar::people);
        }
        return gallery;
    }

    public PhotoViewer viewer() {
        return viewer;
    }

    public IntegrityWindow integrityWindow() {
        return integrityWindow;
    }

    /** The face quality dashboard and the crop editor. */
    public FaceQualityWindows faceQuality() {
        return faceQuality;
    }

    /** The face models dialog and banner state. */
    public ModelsPrompt models() {
        return models;
    }

    /** File → Restore… (tests preview a file directly). */
    public RestoreAction restore() {
        return restore;
    }

    /** Names in photo metadata (sidecars) and the decisions needing review. */
    public MetadataTools metadataTools() {
        return metadataTools;
    }

    public FindPeopleWindow findPeople() {
        return findPeople;
    }

    public ThemeSwitcher themes() {
        return themes;
    }

    private void refreshEmpty() {
        LibraryContext lib = session.library();
        if (lib == null) {
            photoCounts.drop();
            empty.set(false);
            return;
        }
        photoCounts.background("Counting photos", (p, c) -> lib.photos().count(), n -> empty.set(n == 0), null);
    }

    private void quit() {
        if (mayQuit()) {
            stage.close();
        }
    }

    /** A running task stops cooperatively at exit, but the user decides whether to quit in the middle of it. */
    private boolean mayQuit() {
        return !services.tasks().busyBinding().get() || Dialogs.confirm(stage, "A task is still running",
                "Quit anyway? The running task stops after its current photo; nothing is lost.", "Quit");
    }
}
