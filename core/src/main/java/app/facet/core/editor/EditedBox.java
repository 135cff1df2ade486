package app.facet.core.editor;

import app.facet.model.BoundingBox;

import java.util.Objects;

/**
 * One edit of a photo's faces in the crop editor. Faces of the photo that no edit names are left as they are.
 *
 * @param faceId     the stored face this edit is about; null for a new box
 * @param box        the box wanted, original-image pixels after EXIF orientation; null for a deletion or a
 *                   person-only change
 * @param assignment who the face is; ignored for a deletion
 * @param delete     true to delete the face (its crop file is removed after the save commits)
 */
public record EditedBox(Long faceId, BoundingBox box, PersonAssignment assignment, boolean delete) {
    public EditedBox {
        Objects.requireNonNull(assignment, "assignment");
        if (faceId == null && (box == null || delete)) {
            throw new IllegalArgumentException("a new box needs a bounding box and cannot be a deletion");
        }
    }

    /** A box the user drew: analysed from the original image when saved. */
    public static EditedBox add(BoundingBox box, PersonAssignment assignment) {
        return new EditedBox(null, Objects.requireNonNull(box, "box"), assignment, false);
    }

    /** A stored face moved or resized: its crop, landmarks, embedding and quality are computed again. */
    public static EditedBox move(long faceId, BoundingBox box, PersonAssignment assignment) {
        return new EditedBox(faceId, Objects.requireNonNull(box, "box"), assignment, false);
    }

    /** A stored face whose box stays; only its person changes. */
    public static EditedBox assign(long faceId, PersonAssignment assignment) {
        return new EditedBox(faceId, null, assignment, false);
    }

    public static EditedBox delete(long faceId) {
        return new EditedBox(faceId, null, PersonAssignment.keep(), true);
    }

    public boolean isNew() {
        return faceId == null;
    }

    public boolean isMove() {
        return faceId != null && box != null && !delete;
    }
}
