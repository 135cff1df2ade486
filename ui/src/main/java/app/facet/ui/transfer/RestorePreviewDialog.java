package app.facet.ui.transfer;

import app.facet.core.rules.PersonNames;
import app.facet.core.transfer.RestoreChange;
import app.facet.ui.dialogs.Dialogs;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The preview of File → Restore…: what the file holds, the changes by kind, the conflicts, and every change in full;
 * "Apply" runs the restore, "Cancel" changes nothing. Non-modal for the event loop (shown with {@code show()}): the
 * window keeps painting while the user reads.
 */
public final class RestorePreviewDialog {
    public static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<ButtonType> dialog;
    private final RestorePreview preview;

    RestorePreviewDialog(Window owner, RestorePreview preview, Runnable apply) {
        this.preview = preview;
        dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setHeaderText("Restore from " + preview.file().getFileName() + "?");
        DialogPaneContent content = new DialogPaneContent(preview);
        dialog.getDialogPane().setContent(content.root);
        dialog.getDialogPane().setId("restorePreview");
        dialog.getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(APPLY).setId("restoreApply");
        dialog.getDialogPane().lookupButton(APPLY).setDisable(!preview.changesSomething());
        dialog.setResultConverter(b -> b);
        dialog.setResizable(true);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == APPLY) {
                apply.run();
            }
        });
    }

    void show() {
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    public RestorePreview preview() {
        return preview;
    }

    /** The dialog's body. */
    private static final class DialogPaneContent {
        final VBox root;

        DialogPaneContent(RestorePreview p) {
            Label headline = new Label(p.headline());
            headline.setId("restoreHeadline");
            headline.setWrapText(true);
            Label summary = new Label(String.join("\n", p.summaryLines()));
            summary.setId("restoreSummary");
            summary.setWrapText(true);
            Label conflicts = new Label(p.conflicts() == 0 ? "No conflicts: every decision in the file finds its face here."
                    : p.conflicts() + (p.conflicts() == 1 ? " conflict:" : " conflicts:"));
            conflicts.setId("restoreConflictCount");
            VBox conflictLines = new VBox(4);
            conflictLines.setId("restoreConflicts");
            for (String line : p.conflictLines()) {
                Label l = new Label(PersonNames.escaped(line));
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                conflictLines.getChildren().add(l);
            }
            ScrollPane conflictList = new ScrollPane(conflictLines);
            conflictList.setFitToWidth(true);
            conflictList.setPrefViewportHeight(Math.min(150, 40.0 * p.conflictLines().size()));
            conflictList.setMinHeight(Math.min(150, 40.0 * p.conflictLines().size()));
            conflictList.setVisible(p.conflicts() > 0);
            conflictList.setManaged(p.conflicts() > 0);
            ListView<String> changes = new ListView<>();
            changes.setId("restoreChanges");
            changes.getItems().setAll(p.report().changes().stream().map(RestoreChange::description).map(PersonNames::escaped).toList());
            changes.setPrefHeight(180);
            changes.setMinHeight(120);
            TitledPane all = new TitledPane("Every change (" + p.report().changes().size() + ")", changes);
            all.setExpanded(false);
            Label backup = new Label("Facet backs up the catalog before applying; no decision is taken away (a face keeps the "
                    + "decisions the file does not mention; only faces you had deleted, carrying no decision here, are removed).");
            backup.setWrapText(true);
            backup.getStyleClass().add("hint");
            for (Label l : new Label[]{headline, summary, conflicts, backup}) {
                l.setMinHeight(Region.USE_PREF_SIZE); // a wrapped label keeps all its lines
            }
            root = new VBox(10, headline, summary, conflicts, conflictList, all, backup);
            root.setPrefWidth(660);
        }
    }
}
