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
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Right-click on a person in the sidebar: Show Faces, Rename…, Merge into…, Hide/Show, Delete…; on one of several
 * selected people: Merge N People…, Hide N People, Delete N People…. The items are chosen when the menu opens, so
 * they follow the selection at that moment.
 */
final class PersonMenu {
    private final PeopleActions actions;
    private final Supplier<List<PersonSummary>> everyone;
    private final Supplier<List<PersonSummary>> selected;
    private final Consumer<PersonSummary> openFaces;

    PersonMenu(PeopleActions actions, Supplier<List<PersonSummary>> everyone, Supplier<List<PersonSummary>> selected,
               Consumer<PersonSummary> openFaces) {
        this.actions = actions;
        this.everyone = everyone;
        this.selected = selected;
        this.openFaces = openFaces;
    }

    ContextMenu menuFor(PersonSummary person) {
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> {
            List<PersonSummary> several = selected.get();
            boolean multi = several.size() > 1 && several.stream().anyMatch(p -> p.person().id() == person.person().id());
            menu.getItems().setAll(multi ? severalItems(several) : oneItems(person));
        });
        menu.getItems().setAll(oneItems(person)); // a menu without items would not open
        return menu;
    }

    private List<MenuItem> oneItems(PersonSummary person) {
        MenuItem faces = new MenuItem("Show Faces", Icons.small(MaterialDesignF.FACE_MAN_PROFILE));
        faces.setId("personFaces");
        faces.setOnAction(e -> openFaces.accept(person));
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
        return List.of(faces, new SeparatorMenuItem(), rename, merge, hide, new SeparatorMenuItem(), delete);
    }

    private List<MenuItem> severalItems(List<PersonSummary> people) {
        String n = MergeDialog.people(people.size());
        MenuItem merge = new MenuItem("Merge " + n + "…", Icons.small(MaterialDesignC.CALL_MERGE));
        merge.setId("peopleMergeSelected");
        merge.setOnAction(e -> actions.mergeSeveral(people));
        boolean allHidden = people.stream().allMatch(p -> p.person().hidden());
        MenuItem hide = new MenuItem((allHidden ? "Show " : "Hide ") + n,
                Icons.small(allHidden ? MaterialDesignE.EYE_OUTLINE : MaterialDesignE.EYE_OFF_OUTLINE));
        hide.setId("peopleHideSelected");
        hide.setOnAction(e -> actions.setHidden(people, !allHidden));
        MenuItem delete = new MenuItem("Delete " + n + "…", Icons.small(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("peopleDeleteSelected");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(e -> actions.delete(people));
        return List.of(merge, hide, new SeparatorMenuItem(), delete);
    }

    void rename(PersonSummary person) {
        actions.rename(person);
    }

    void delete(PersonSummary person) {
        actions.delete(person);
    }
}
