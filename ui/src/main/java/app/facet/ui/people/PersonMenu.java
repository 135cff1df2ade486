package app.facet.ui.people;

import app.facet.core.browse.PersonSummary;
import app.facet.ui.theme.Icons;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.List;
import java.util.function.Supplier;

/** Right-click on a person in the sidebar: Rename…, Merge into…, Hide/Show, Delete…. */
final class PersonMenu {
    private final PeopleActions actions;
    private final Supplier<List<PersonSummary>> everyone;

    PersonMenu(PeopleActions actions, Supplier<List<PersonSummary>> everyone) {
        this.actions = actions;
        this.everyone = everyone;
    }

    ContextMenu menuFor(PersonSummary person) {
        MenuItem rename = new MenuItem("Rename…", Icons.small(MaterialDesignR.RENAME_BOX));
        rename.setId("personRename");
        rename.setAccelerator(new KeyCodeCombination(KeyCode.F2));
        rename.setOnAction(e -> actions.rename(person));
        MenuItem merge = new MenuItem("Merge into…", Icons.small(MaterialDesignC.CALL_MERGE));
        merge.setId("personMerge");
        merge.setOnAction(e -> actions.mergeInto(person, everyone.get()));
        boolean hidden = person.person().hidden();
        MenuItem hide = new MenuItem(hidden ? "Show" : "Hide", Icons.small(hidden ? MaterialDesignE.EYE_OUTLINE : MaterialDesignE.EYE_OFF_OUTLINE));
        hide.setId("personHide");
        hide.setOnAction(e -> actions.setHidden(person, !hidden));
        MenuItem delete = new MenuItem("Delete…", Icons.small(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("personDelete");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(e -> actions.delete(person));
        return new ContextMenu(rename, merge, hide, new SeparatorMenuItem(), delete);
    }

    void rename(PersonSummary person) {
        actions.rename(person);
    }

    void delete(PersonSummary person) {
        actions.delete(person);
    }
}
