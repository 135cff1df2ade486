package app.facet.core.editor;

import app.facet.model.ScanState;

import java.util.List;

/**
 * What one save changed.
 *
 * @param newFaceIds ids of the rows inserted for new and moved boxes, in the order of the edits
 * @param scanState  the photo's state after the save ({@code no_faces} once its last face is gone)
 * @param createdPersons people created for names nobody had
 */
public record SaveResult(long photoId, int added, int moved, int deleted, int reassigned, List<Long> newFaceIds,
                         ScanState scanState, int createdPersons) {
    public SaveResult {
        newFaceIds = List.copyOf(newFaceIds);
    }
}
