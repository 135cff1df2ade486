package app.facet.core.editor;

import app.facet.core.catalog.PlacementStore;
import app.facet.core.rules.PersonNames;

/**
 * The people rules of {@code PeopleService}, on the caller's unit of work, so that an editor save can place faces in
 * the same transaction as its inserts and deletes:
 * a face the user places gets {@code assigned_by=user} and loses its cluster, suggestion, "not a face" mark and any
 * refusal of that person; taking a face off a person records the refusal ("not this person").
 */
final class PeopleRules {
    private PeopleRules() {
    }

    /**
     * @return the person's id (an existing name matches case-insensitively after trimming), and whether it was created
     * @throws FaceEditException for an {@link PersonAssignment.Existing} person that is gone, or a name the one name rule
     *                           ({@link PersonNames}) refuses
     */
    static Resolved resolve(PlacementStore people, PersonAssignment a) {
        if (a instanceof PersonAssignment.Existing e) {
            if (!people.personExists(e.personId())) {
                throw new FaceEditException("Person " + e.personId() + " no longer exists: choose someone else and save again.");
            }
            return new Resolved(e.personId(), false);
        }
        if (a instanceof PersonAssignment.Named n) {
            PersonNames.Checked name = PersonNames.check(n.name());
            if (name.refused()) {
                throw new FaceEditException("A person's name is refused: " + name.refusal() + ".");
            }
            return people.personNamed(name.value()).map(id -> new Resolved(id, false))
                    .orElseGet(() -> new Resolved(people.createPerson(name.value()), true));
        }
        throw new IllegalArgumentException("not a person: " + a);
    }

    record Resolved(long personId, boolean created) {
    }

    /** Puts a stored face on {@code personId} as the user's decision. @return true when the face was on someone else */
    static boolean assign(PlacementStore people, long faceId, long personId) {
        Long before = people.personOf(faceId);
        people.placeByUser(faceId, personId);
        return before == null || before != personId;
    }

    /** Takes a stored face off its person, remembering the refusal. @return true when it was on someone */
    static boolean unassign(PlacementStore people, long faceId) {
        Long before = people.personOf(faceId);
        if (before == null) {
            return false;
        }
        people.takeOff(faceId, before);
        return true;
    }
}
