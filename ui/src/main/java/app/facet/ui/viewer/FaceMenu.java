package app.facet.ui.viewer;

import app.facet.model.Face;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/**
 * The actions on one face of the viewer. Assigning, reassigning and unassigning need the people service
 * (not in this build yet): until it is wired they are shown disabled, never faked.
 */
public class FaceMenu {
    public ContextMenu menuFor(Face face, Window owner) {
        MenuItem header = new MenuItem(face.personName() != null ? face.personName() : "Unknown face");
        header.setDisable(true);
        MenuItem assign = new MenuItem(face.personId() == null ? "Assign to person…" : "Reassign to another person…");
        MenuItem unassign = new MenuItem("Unassign");
        assign.setDisable(true);
        unassign.setDisable(true);
        return new ContextMenu(header, new SeparatorMenuItem(), assign, unassign);
    }
}
