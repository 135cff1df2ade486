package app.facet.app.desktop;

import app.facet.app.logging.LogFolder;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.settings.UserSettings;
import app.facet.core.settings.UserSettingsStore;
import app.facet.ui.main.DesktopServices;
import app.facet.ui.main.MainWindow;
import app.facet.ui.session.LibraryContext;
import app.facet.ui.tasks.TaskRunner;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The desktop app: wires core services into the main window and opens a library (the given one, else
 * {@code $FACET_LIBRARY}, else the last one opened, else the default library, where the first start offers
 * "Add Folder…").
 * <p>
 * Start it with {@link #launch(LibraryLocation, Path)}; tests construct it with {@link DesktopOptions}.
 */
public final class FacetApplication extends Application {
    private static final Logger log = LoggerFactory.getLogger(FacetApplication.class);
    /** Background threads for the task runner: a scan holds one, the others keep the grid and sidebar reading. */
    private static final int TASK_THREADS = 4;

    private DesktopOptions options;
    private ExecutorService executor;
    private MainWindow window;

    /** Used by JavaFX's launcher: options come from the named parameters. */
    public FacetApplication() {
        this(null);
    }

    /** @param options how to start; null: from the named parameters of {@link #launch} */
    public FacetApplication(DesktopOptions options) {
        this.options = options;
    }

    /**
     * Starts JavaFX and shows the main window; returns when the window is closed. Call once per JVM.
     *
     * @param library   library to open, or null for the last one opened (else the default library)
     * @param modelsDir face models folder, or null for {@code $FACET_MODELS} / the library's models folder
     */
    public static void launch(LibraryLocation library, Path modelsDir) {
        launch(library, modelsDir, null);
    }

    /** As {@link #launch(LibraryLocation, Path)}, with an embedding model id (null: the production model present). */
    public static void launch(LibraryLocation library, Path modelsDir, String embeddingModelId) {
        List<String> args = new ArrayList<>();
        if (embeddingModelId != null) {
            args.add("--" + DesktopOptions.EMBEDDING_MODEL + "=" + embeddingModelId);
        }
        if (library != null) {
            args.add("--" + DesktopOptions.LIBRARY + "=" + library.root());
        }
        if (modelsDir != null) {
            args.add("--" + DesktopOptions.MODELS + "=" + modelsDir.toAbsolutePath().normalize());
        }
        Application.launch(FacetApplication.class, args.toArray(String[]::new));
    }

    @Override
    public void init() {
        if (options == null) {
            options = DesktopOptions.fromNamed(getParameters().getNamed());
        }
    }

    @Override
    public void start(Stage stage) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(TASK_THREADS, r -> {
            Thread t = new Thread(r, "facet-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        UserSettingsStore settings = new UserSettingsStore(options.settingsFile());
        DesktopServices services = new DesktopServices(new CoreLibraryOpener(options, settings), settings,
                new TaskRunner(executor), options.folders(), options.saves(), version(), options.modelFiles(), LogFolder.current(),
                uri -> getHostServices().showDocument(uri.toString()));
        window = new MainWindow(stage, services);
        // the catalog opens on a task thread while the window shows for the first time
        window.open(startLibrary(settings.load()));
        stage.show();
    }

    /** The window, once started (tests). */
    public MainWindow window() {
        return window;
    }

    private LibraryLocation startLibrary(UserSettings settings) {
        if (options.library() != null) {
            return options.library();
        }
        String fromEnvironment = System.getenv("FACET_LIBRARY");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return LibraryLocation.defaultLocation(); // set on purpose for this run: wins over the remembered one
        }
        if (settings.lastLibrary() != null) {
            LibraryLocation last = new LibraryLocation(Path.of(settings.lastLibrary()));
            if (last.exists()) {
                return last;
            }
            log.warn("event=last_library_missing path={}", last.catalogFile());
        }
        return LibraryLocation.defaultLocation();
    }

    @Override
    public void stop() throws Exception {
        if (window != null) {
            LibraryContext library = window.session().library();
            if (library != null) {
                library.close();
            }
        }
        if (executor != null) {
            executor.shutdownNow(); // jobs see their Cancellation through the task; interrupted waits end
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("event=tasks_still_running_at_exit");
            }
        }
    }

    private static String version() {
        String v = FacetApplication.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1 (development build)";
    }
}
