package app.facet.ui.people;

import app.facet.core.browse.PersonSummary;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/** Drag one person onto another in the sidebar to merge them (the drop asks for confirmation first). */
final class PersonDrag {
    static final DataFormat PERSON_ID = new DataFormat("application/x-facet-person-id");

    private final LongFunction<PersonSummary> people;
    private final BiConsumer<PersonSummary, PersonSummary> merge;

    /** @param merge called with (dragged person, person dropped on) */
    PersonDrag(LongFunction<PersonSummary> people, BiConsumer<PersonSummary, PersonSummary> merge) {
        this.people = people;
        this.merge = merge;
    }

    void install(SidebarCell cell) {
        cell.setOnDragDetected(e -> {
            PersonSummary p = cell.person();
            if (p == null) {
                return;
            }
            Dragboard board = cell.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(PERSON_ID, p.person().id());
            content.putString(p.person().name());
            board.setContent(content);
            board.setDragView(cell.snapshot(null, null));
            e.consume();
        });
        cell.setOnDragOver(e -> {
            if (acceptable(cell, e.getDragboard())) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        cell.setOnDragEntered(e -> {
            if (acceptable(cell, e.getDragboard()) && !cell.getStyleClass().contains("drop-target")) {
                cell.getStyleClass().add("drop-target");
            }
        });
        cell.setOnDragExited(e -> cell.getStyleClass().remove("drop-target"));
        cell.setOnDragDropped(e -> {
            boolean done = false;
            if (acceptable(cell, e.getDragboard())) {
                PersonSummary source = people.apply((Long) e.getDragboard().getContent(PERSON_ID));
                PersonSummary target = cell.person();
                if (source != null) {
                    // after the drag gesture ends: the confirmation dialog must not run inside it
                    javafx.application.Platform.runLater(() -> merge.accept(source, target));
                    done = true;
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private static boolean acceptable(SidebarCell cell, Dragboard board) {
        PersonSummary target = cell.person();
        return target != null && board.hasContent(PERSON_ID)
                && ((Long) board.getContent(PERSON_ID)) != target.person().id();
    }
}
