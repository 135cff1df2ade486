package app.facet.core.transfer;

/**
 * One change a restore makes.
 *
 * @param kind        what it does
 * @param faceId      the face changed (for {@code REMOVE_DELETED_FACE}: removed); null for person-level changes, a drawn
 *                    face not added yet, a "no faces" photo and a deletion recorded
 * @param person      the person involved (name as in the catalog after the restore)
 * @param description one sentence: from what to what
 */
public record RestoreChange(Kind kind, Long faceId, String person, String description) {
    public enum Kind {
        CREATE_PERSON, SET_HIDDEN, ASSIGN, MARK_NOT_A_FACE, REJECT_PERSON, SET_COVER, ADD_DRAWN_FACE, NO_FACES,
        /** a face the user deleted is remembered ({@code face_deletions}) */
        RECORD_DELETION,
        /** a face a fresh scan found at the place of a deleted face, carrying no decision, is removed */
        REMOVE_DELETED_FACE
    }
}
