package app.facet.core.transfer;

/**
 * One change a restore makes.
 *
 * @param kind        what it does
 * @param faceId      the face changed; null for person-level changes, a drawn face not added yet, and a "no faces" photo
 * @param person      the person involved (name as in the catalog after the restore)
 * @param description one sentence: from what to what
 */
public record RestoreChange(Kind kind, Long faceId, String person, String description) {
    public enum Kind { CREATE_PERSON, SET_HIDDEN, ASSIGN, MARK_NOT_A_FACE, REJECT_PERSON, SET_COVER, ADD_DRAWN_FACE, NO_FACES }
}
