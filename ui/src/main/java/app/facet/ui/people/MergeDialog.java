package app.facet.ui.people;

import app.facet.core.browse.PersonSummary;
import app.facet.ui.dialogs.Dialogs;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Merging several people: asks which of them the others merge into. Every selected person is listed with their
 * face and photo counts; none is preselected, so Merge stays disabled until the user chooses.
 */
final class MergeDialog {
    private final Window owner;
    private final List<PersonSummary> people;

    MergeDialog(Window owner, List<PersonSummary> people) {
        this.owner = owner;
        this.people = people.stream().sorted(Comparator.comparing(p -> p.person().name().toLowerCase())).toList();
    }

    Optional<PersonSummary> ask() {
        Dialog<PersonSummary> dialog = Dialogs.styled(new Dialog<>(), owner);
        dialog.setTitle("Merge people");
        dialog.setHeaderText("Merge " + people(people.size()) + " into one");
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(6);
        choices.setId("mergeTargets");
        for (PersonSummary p : people) {
            RadioButton option = new RadioButton(p.person().name() + "  (" + SidebarCell.plural(p.person().faceCount(), "face")
                    + ", " + SidebarCell.plural(p.person().photoCount(), "photo") + ")");
            option.setUserData(p);
            option.setToggleGroup(group);
            choices.getChildren().add(option);
        }
        Label hint = new Label("Every face of the others moves to the person you choose, who keeps their name; "
                + "the others are removed. You can undo this.");
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        dialog.getDialogPane().setContent(new VBox(10, new Label("Keep:"), choices, hint));
        ButtonType merge = new ButtonType("Merge", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(merge, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(merge).disableProperty().bind(group.selectedToggleProperty().isNull());
        dialog.setResultConverter(b -> b == merge && group.getSelectedToggle() != null
                ? (PersonSummary) group.getSelectedToggle().getUserData() : null);
        return dialog.showAndWait();
    }

    static String people(long n) {
        return n + (n == 1 ? " person" : " people");
    }
}
