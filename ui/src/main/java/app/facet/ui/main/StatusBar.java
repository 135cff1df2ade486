package app.facet.ui.main;

import app.facet.ui.tasks.TaskRunner;
import app.facet.ui.tasks.TrackedTask;
import app.facet.ui.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * Bottom bar: the running task (title and message), its progress bar with rate and time left, Cancel; otherwise
 * the last result or error; and a badge when the last integrity check found problems.
 */
final class StatusBar extends HBox {
    private final Label task = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label rate = new Label();
    private final Button cancel = new Button("Cancel", Icons.small(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
    private final Label result = new Label();
    private final Label badge = new Label();
    private final Button undo = new Button("Undo", Icons.small(MaterialDesignU.UNDO));
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty integrityProblems = new SimpleIntegerProperty(0);

    StatusBar(TaskRunner tasks) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        task.setId("taskLabel");
        progress.setId("taskProgress");
        rate.setId("taskRate");
        cancel.setId("cancelTask");
        result.setId("statusMessage");
        badge.setId("integrityBadge");
        progress.setPrefWidth(220);
        rate.getStyleClass().add("status-rate");
        result.getStyleClass().add("status-result");
        badge.getStyleClass().add("status-badge");
        badge.setGraphic(Icons.small(MaterialDesignA.ALERT_OUTLINE));

        var current = tasks.currentProperty();
        var running = current.isNotNull();
        for (var node : new javafx.scene.Node[]{task, progress, rate, cancel}) {
            node.visibleProperty().bind(running);
            node.managedProperty().bind(running);
        }
        result.visibleProperty().bind(running.not());
        result.managedProperty().bind(running.not());
        current.addListener((o, old, now) -> bind(now));
        cancel.setTooltip(new Tooltip("Stop after the current photo (" + Shortcuts.CANCEL_TASK.getDisplayText() + ")"));
        cancel.setOnAction(e -> tasks.cancelCurrent());
        result.textProperty().bind(Bindings.createStringBinding(
                () -> tasks.lastErrorProperty().get() != null ? tasks.lastErrorProperty().get() : message.get(),
                tasks.lastErrorProperty(), message));
        result.styleProperty().bind(Bindings.when(tasks.lastErrorProperty().isNotNull())
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));

        badge.textProperty().bind(Bindings.createStringBinding(() -> integrityProblems.get() == 1
                ? "1 integrity problem" : integrityProblems.get() + " integrity problems", integrityProblems));
        badge.visibleProperty().bind(integrityProblems.greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());

        undo.setId("undoButton");
        undo.setVisible(false);
        undo.setManaged(false);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(task, progress, rate, cancel, result, grow, undo, badge);
    }

    private void bind(TrackedTask<?> now) {
        task.textProperty().unbind();
        progress.progressProperty().unbind();
        rate.textProperty().unbind();
        cancel.disableProperty().unbind();
        if (now == null) {
            return;
        }
        task.textProperty().bind(Bindings.createStringBinding(
                () -> now.getMessage() == null || now.getMessage().isEmpty() ? now.getTitle() : now.getTitle() + ": " + now.getMessage(),
                now.titleProperty(), now.messageProperty()));
        progress.progressProperty().bind(now.progressProperty());
        rate.textProperty().bind(now.rateProperty());
        cancel.disableProperty().bind(now.cancelRequestedProperty());
    }

    /** Shows "Undo" with the action it reverts while there is one. */
    void showUndo(javafx.beans.value.ObservableObjectValue<app.facet.core.people.UndoableAction> last, Runnable action) {
        undo.visibleProperty().bind(Bindings.isNotNull(last));
        undo.managedProperty().bind(undo.visibleProperty());
        undo.setOnAction(e -> action.run());
        last.addListener((o, a, now) -> {
            if (now != null) {
                undo.setTooltip(new Tooltip("Undo: " + now.description() + " (" + Shortcuts.UNDO.getDisplayText() + ")"));
                message.set(now.description() + ".");
            }
        });
    }

    /** The line shown when no task runs (e.g. the last scan's summary). */
    StringProperty messageProperty() {
        return message;
    }

    /** Problems found by the last integrity check; the badge shows when above zero. */
    IntegerProperty integrityProblemsProperty() {
        return integrityProblems;
    }

    /** What a click on the integrity badge does (open the report). */
    void setOnBadgeClicked(Runnable action) {
        badge.setOnMouseClicked(e -> action.run());
        badge.setTooltip(new Tooltip("The last integrity check found problems: click for the report"));
        badge.setCursor(javafx.scene.Cursor.HAND);
    }
}
