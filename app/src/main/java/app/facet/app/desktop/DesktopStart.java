package app.facet.app.desktop;

import app.facet.app.logging.LogFolder;
import app.facet.app.logging.LogMarkers;
import app.facet.app.logging.UncaughtErrors;
import app.facet.app.startup.DesktopPrerequisites;
import app.facet.app.startup.LibraryFolderCheck;
import app.facet.app.startup.StartupFailure;
import app.facet.core.catalog.LibraryLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the desktop window after checking what it needs (JavaFX runtime, display, a usable library folder); a
 * missing piece or a failing toolkit gives one sentence on the terminal, the trace in the log file, and exit code 2.
 */
public final class DesktopStart {
    private static final Logger log = LoggerFactory.getLogger(DesktopStart.class);
    /**
     * JavaFX warns through java.util.logging (logger "javafx") that it runs from the class path ("Unsupported JavaFX
     * configuration"): harmless (STACK.md), but noise on the terminal, so only its severe messages show. Held here so
     * the level set below is not garbage collected.
     */
    private static final java.util.logging.Logger JAVAFX_PLATFORM = java.util.logging.Logger.getLogger("javafx");

    static {
        JAVAFX_PLATFORM.setLevel(java.util.logging.Level.SEVERE);
    }

    private DesktopStart() {
    }

    /**
     * @param library          library to open, or null for $FACET_LIBRARY / the last one / the default
     * @param modelsDir        models folder, or null
     * @param embeddingModelId embedding model id, or null
     * @param err              where the sentence goes (the terminal)
     * @return 0 when the window was closed normally, 2 when it could not start
     */
    public static int run(LibraryLocation library, Path modelsDir, String embeddingModelId, PrintStream err) {
        Optional<String> problem = DesktopPrerequisites.ofThisProcess().problem();
        if (problem.isEmpty()) {
            problem = explicitLibrary(library).flatMap(LibraryFolderCheck::problem);
        }
        if (problem.isPresent()) {
            log.error(LogMarkers.TOLD_USER, "event=desktop_not_started reason=\"{}\"", problem.get());
            err.println("facet: " + problem.get());
            return 2;
        }
        UncaughtErrors.install(sentence -> {
            err.println("facet: " + sentence);
            ErrorNotice.show(sentence);
        });
        try {
            FacetApplication.launch(library, modelsDir, embeddingModelId);
            return 0;
        } catch (RuntimeException | Error e) {
            String sentence = StartupFailure.sentence(e, System.getenv("DISPLAY"), LogFolder.currentFile().toString());
            log.error(LogMarkers.TOLD_USER, "event=desktop_start_failed reason=\"{}\"", sentence, e);
            err.println("facet: " + sentence);
            return 2;
        }
    }

    private static Optional<LibraryLocation> explicitLibrary(LibraryLocation library) {
        if (library != null) {
            return Optional.of(library);
        }
        String fromEnvironment = System.getenv("FACET_LIBRARY");
        return fromEnvironment == null || fromEnvironment.isBlank() ? Optional.empty() : Optional.of(LibraryLocation.defaultLocation());
    }
}
