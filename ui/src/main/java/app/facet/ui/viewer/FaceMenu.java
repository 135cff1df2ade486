package app.facet.ui.viewer;

import app.facet.model.Face;
import app.facet.model.FaceStatus;
import app.facet.ui.people.PeopleActions;
import app.facet.ui.theme.Icons;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.util.List;
import java.util.function.Supplier;

/** Clicking a face box in the viewer: assign / reassign to a person (by name), unassign, "not a face", or set as the person's cover. */
public final class FaceMenu {
    private final PeopleActions actions;
    private final Supplier<List<String>> names;

    /** @param names the people's names, for completion in the assign dialog */
    public FaceMenu(PeopleActions actions, Supplier<List<String>> names) {
        this.actions = actions;
        this.names = names;
    }

    public ContextMenu menuFor(Face face, Window owner) {
        String who = face.status() == FaceStatus.INVALID ? "⚠ Invalid: " + face.invalidReason()
                : face.personName() != null ? face.personName() + (face.assignedBy() == app.facet.model.AssignedBy.AUTO ? " (recognised)" : "")
                : "Unknown face";
        MenuItem header = new MenuItem(who);
        header.setDisable(true);
        MenuItem assign = new MenuItem(face.personId() == null ? "Assign to Person…" : "Reassign to Another Person…",
                Icons.small(MaterialDesignA.ACCOUNT_EDIT_OUTLINE));
        assign.setId("faceAssign");
        assign.setOnAction(e -> new AssignFaceDialog(owner, face, names.get()).ask().ifPresent(name -> actions.assignFace(face, name)));
        MenuItem unassign = new MenuItem("Unassign", Icons.small(MaterialDesignA.ACCOUNT_REMOVE_OUTLINE));
        unassign.setId("faceUnassign");
        unassign.setDisable(face.personId() == null);
        unassign.setOnAction(e -> actions.unassignFace(face));
        MenuItem notAFace = new MenuItem("Not a Face", Icons.small(MaterialDesignF.FACE_RECOGNITION));
        notAFace.setId("faceNotAFace");
        notAFace.setOnAction(e -> actions.notAFace(face));
        MenuItem cover = new MenuItem("Set as Cover", Icons.small(org.kordamp.ikonli.materialdesign2.MaterialDesignS.STAR_OUTLINE));
        cover.setId("faceSetCover");
        cover.setOnAction(e -> actions.setCover(face.personId(), face.id()));
        // an invalid row is repaired by the integrity tools, not edited here
        boolean invalid = face.status() == FaceStatus.INVALID;
        assign.setDisable(invalid);
        unassign.setDisable(invalid || face.personId() == null);
        notAFace.setDisable(invalid);
        cover.setDisable(invalid || face.personId() == null);
        return new ContextMenu(header, new SeparatorMenuItem(), assign, unassign, notAFace, new SeparatorMenuItem(), cover);
    }
}
