package app.facet.core.people;

import app.facet.core.catalog.Catalog;
import app.facet.model.Face;
import app.facet.model.Person;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The user's corrections to people: every action is one SQLite transaction, registered in the session's
 * {@link UndoHistory}, and {@link #undo()} restores the catalog exactly as it was before it.
 * <p>
 * Rules a user can rely on:
 * <ul>
 *   <li>Names are unique, case-insensitive, trimmed. Naming faces with an existing name ({@link #split},
 *       {@link #assignFaceToNewPerson}) adds them to that person. {@link #rename} to another person's name is
 *       refused with {@link NameTakenException} (carrying that person's id) so the UI can offer a merge: renaming
 *       must never silently fuse two people.</li>
 *   <li>Every face the user places gets {@code assigned_by=user}; recognition never changes such a face.</li>
 *   <li>{@link #unassignFace} and {@link #notThisPerson} remember the refusal (face_person_rejections): that face
 *       is never suggested for, or auto-assigned to, that person again.</li>
 *   <li>{@link #notAFace} takes the face off any person and out of clustering, recognition and counts.</li>
 * </ul>
 * Errors: {@link PeopleException} (one sentence) for an unknown person or face, a blank name, or a catalog
 * failure; nothing is changed then. Thread-safe (each call uses its own connection).
 */
public final class PeopleService {
    private final Catalog catalog;
    private final UndoHistory history;

    /** A service with its own, new session history. */
    public PeopleService(Catalog catalog) {
        this(catalog, new UndoHistory());
    }

    /** A service sharing {@code history} with the cluster and recognition services of the same session. */
    public PeopleService(Catalog catalog, UndoHistory history) {
        this.catalog = catalog;
        this.history = history;
    }

    public UndoHistory history() {
        return history;
    }

    /** @return people by name (case-insensitive); hidden ones only when {@code includeHidden} */
    public List<Person> listPeople(boolean includeHidden) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @return the person with this id */
    public Optional<Person> person(long personId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @return the person with this name, compared case-insensitively after trimming */
    public Optional<Person> findByName(String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @return the faces assigned to the person (not "not a face"), best quality first */
    public List<Face> facesOf(long personId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @return the cover face to show: the one the user chose, else the person's best-quality face; empty without faces */
    public OptionalLong coverFace(long personId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Creates a person without faces; an existing name (case-insensitive) returns that person instead. */
    public UndoableAction createPerson(String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Renames a person. Changing only the case of its own name is allowed.
     *
     * @throws NameTakenException when another person already has the name
     */
    public UndoableAction rename(long personId, String newName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Moves every face of the sources onto the target (each face keeps its {@code assigned_by}), moves their
     * suggestions and "not this person" refusals to the target, and deletes the sources. The target keeps its
     * name, hidden flag and cover (taking the first source's cover when it has none).
     */
    public UndoableAction merge(long targetId, List<Long> sourceIds) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Moves the faces to the person named {@code newName} (created when no one has that name), as
     * {@code assigned_by=user}. A face that was the cover of its old person stops being it.
     */
    public UndoableAction split(List<Long> faceIds, String newName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Puts the face on the person ({@code assigned_by=user}), clearing its cluster, its suggestion, any refusal of
     * that person and a "not a face" mark.
     */
    public UndoableAction assignFace(long faceId, long personId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@link #assignFace} to the person with that name, created when no one has it. */
    public UndoableAction assignFaceToNewPerson(long faceId, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Takes the face off its person; remembered as "not this person" for that person. */
    public UndoableAction unassignFace(long faceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Remembers that the face is not that person; unassigns it or drops the suggestion when it pointed there. */
    public UndoableAction notThisPerson(long faceId, long personId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Marks the detection as not a face: off its person, no suggestion, no cluster, not counted, never clustered again. */
    public UndoableAction notAFace(long faceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Hides (or shows) a person in people lists; faces stay assigned. */
    public UndoableAction hidePerson(long personId, boolean hidden) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Deletes a person; its faces become unknown and its refusals are forgotten (restored by undo). */
    public UndoableAction deletePerson(long personId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Chooses the cover face.
     *
     * @param faceId a face assigned to the person, or null to go back to the best-quality face
     */
    public UndoableAction setCoverFace(long personId, Long faceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Reverts the most recent action of the session (of any of the three services), restoring every row it changed.
     *
     * @return the action undone, empty when there was none
     * @throws PeopleException when the catalog changed since in a way that forbids restoring (nothing is changed then)
     */
    public Optional<UndoableAction> undo() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
