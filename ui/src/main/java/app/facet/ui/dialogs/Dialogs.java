package app.facet.ui.dialogs;

import app.facet.ui.theme.ThemeSwitcher;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.util.Optional;

/** The app's message boxes, owned by a window and styled like it. */
public final class Dialogs {
    private Dialogs() {
    }

    public static void error(Window owner, String header, String text) {
        Alert alert = styled(new Alert(Alert.AlertType.ERROR, text, ButtonType.OK), owner);
        alert.setHeaderText(header);
        alert.show();
    }

    public static void info(Window owner, String header, String text) {
        Alert alert = styled(new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK), owner);
        alert.setHeaderText(header);
        alert.show();
    }

    public static boolean confirm(Window owner, String header, String text, String action) {
        ButtonType ok = new ButtonType(action, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = styled(new Alert(Alert.AlertType.CONFIRMATION, text, ok, ButtonType.CANCEL), owner);
        alert.setHeaderText(header);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ok;
    }

    public static <D extends Dialog<?>> D styled(D dialog, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("Facet");
        ThemeSwitcher.style(dialog.getDialogPane().getScene());
        return dialog;
    }
}
