package app.facet.app.desktop;

import app.facet.ui.dialogs.Dialogs;
import javafx.application.Platform;
import javafx.stage.Window;

/** Shows an unexpected error's one sentence in the window (the trace is in the log file). */
final class ErrorNotice {
    private ErrorNotice() {
    }

    /** Safe from any thread; does nothing visible before the toolkit runs (the sentence is on the terminal then). */
    static void show(String sentence) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> show(sentence));
            return;
        }
        Window owner = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        Dialogs.error(owner, "Something went wrong", sentence);
    }
}
