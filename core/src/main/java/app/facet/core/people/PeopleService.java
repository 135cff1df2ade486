package app.facet.core.people;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.FaceAssignmentStore;
import app.facet.core.catalog.PeopleTables;
import app.facet.core.catalog.PersonFaceStore;
import app.facet.model.Face;
import app.facet.model.Person;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

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
    private final UndoableWrites writes;

    /** A service with its own, new session history. */
    public PeopleService(Catalog catalog) {
        this(catalog, new UndoHistory());
    }

    /** A service sharing {@code history} with the cluster and recognition services of the same session. */
    public PeopleService(Catalog catalog, UndoHistory history) {
        this.writes = new UndoableWrites(catalog, history);
    }

    public UndoHistory history() {
        return writes.history();
    }

    /** @return people by name (case-insensitive); hidden ones only when {@code includeHidden} */
    public List<Person> listPeople(boolean includeHidden) {
        return writes.read("list the people", t -> t.persons().list(includeHidden));
    }

    /** @return the person with this id */
    public Optional<Person> person(long personId) {
        return writes.read("read person " + personId, t -> t.persons().find(personId));
    }

    /** @return the person with this name, compared case-insensitively after trimming */
    public Optional<Person> findByName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        return writes.read("find a person by name", t -> t.persons().findByName(clean));
    }

    /** @return the faces assigned to the person (not "not a face"), best quality first */
    public List<Face> facesOf(long personId) {
        return writes.read("read the faces of person " + personId, t -> t.faces().facesOf(personId));
    }

    /** @return the faces with these ids, in the order given; unknown ids are left out */
    public List<Face> faces(Collection<Long> faceIds) {
        if (faceIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(faceIds));
        return writes.read("read faces", t -> {
            Map<Long, Face> byId = new HashMap<>();
            for (Face f : t.faces().byIds(ids)) {
                byId.put(f.id(), f);
            }
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    /** @return the cover face to show: the one the user chose, else the person's best-quality face; empty without faces */
    public OptionalLong coverFace(long personId) {
        return writes.read("find the cover face of person " + personId, t -> {
            Person p = PeopleRows.requirePerson(t, personId);
            return p.coverFaceId() != null ? OptionalLong.of(p.coverFaceId()) : t.faces().bestFaceOf(personId);
        });
    }

    /** Creates a person without faces; an existing name (case-insensitive) returns that person instead. */
    public UndoableAction createPerson(String name) {
        String clean = PeopleRows.cleanName(name);
        return writes.run("create the person \"" + clean + "\"", ctx -> {
            ctx.before(List.of(), List.of());
            Optional<Person> existing = ctx.tables.persons().findByName(clean);
            if (existing.isPresent()) {
                return new UndoableWrites.Done("\"" + existing.get().name() + "\" already exists", existing.get().id());
            }
            long id = ctx.tables.persons().insert(clean, false);
            ctx.created(id);
            return new UndoableWrites.Done("Created \"" + clean + "\"", id);
        });
    }

    /**
     * Renames a person. Changing only the case of its own name is allowed.
     *
     * @throws NameTakenException when another person already has the name
     */
    public UndoableAction rename(long personId, String newName) {
        String clean = PeopleRows.cleanName(newName);
        return writes.run("rename person " + personId, ctx -> {
            Person p = PeopleRows.requirePerson(ctx.tables, personId);
            Optional<Person> other = ctx.tables.persons().findByName(clean);
            if (other.isPresent() && other.get().id() != personId) {
                throw new NameTakenException(other.get().name(), other.get().id());
            }
            ctx.before(List.of(personId), List.of());
            ctx.tables.persons().rename(personId, clean);
            return new UndoableWrites.Done("Renamed \"" + p.name() + "\" to \"" + clean + "\"", personId);
        });
    }

    /**
     * Moves every face of the sources onto the target (each face keeps its {@code assigned_by}), moves their
     * suggestions and "not this person" refusals to the target, and deletes the sources. The target keeps its
     * name, hidden flag and cover (taking the first source's cover when it has none).
     *
     * @throws PeopleException when a person is unknown, no source is given, or the target is among the sources
     */
    public UndoableAction merge(long targetId, List<Long> sourceIds) {
        Set<Long> sources = new LinkedHashSet<>(sourceIds);
        if (sources.isEmpty()) {
            throw new PeopleException("Choose at least one person to merge into the other.");
        }
        if (sources.contains(targetId)) {
            throw new PeopleException("A person cannot be merged into itself.");
        }
        return writes.run("merge the people", ctx -> {
            PeopleTables t = ctx.tables;
            Person target = PeopleRows.requirePerson(t, targetId);
            List<Person> sourcePeople = new ArrayList<>();
            for (long id : sources) {
                sourcePeople.add(PeopleRows.requirePerson(t, id));
            }
            Set<Long> persons = new LinkedHashSet<>();
            persons.add(targetId);
            persons.addAll(sources);
            ctx.before(persons, t.faces().onOrSuggestedFor(sources));
            t.faces().moveFaces(sources, targetId);
            // a refusal of the target is void for a face the user now says is the target
            t.rejections().forgetByOwnFaces(targetId);
            t.faces().moveSuggestions(sources, targetId);
            t.rejections().copyTo(sources, targetId);
            if (target.coverFaceId() == null) {
                sourcePeople.stream().map(Person::coverFaceId).filter(Objects::nonNull).findFirst()
                        .ifPresent(cover -> t.persons().setCover(targetId, cover));
            }
            t.persons().delete(sources);
            String names = sourcePeople.stream().map(p -> "\"" + p.name() + "\"").collect(Collectors.joining(", "));
            return new UndoableWrites.Done("Merged " + names + " into \"" + target.name() + "\"", targetId);
        });
    }

    /**
     * Moves the faces to the person named {@code newName} (created when no one has that name), as
     * {@code assigned_by=user}. A face that was the cover of its old person stops being it.
     */
    public UndoableAction split(List<Long> faceIds, String newName) {
        String clean = PeopleRows.cleanName(newName);
        if (faceIds.isEmpty()) {
            throw new PeopleException("Choose at least one face to move to \"" + clean + "\".");
        }
        return writes.run("move the faces to \"" + clean + "\"", ctx -> {
            Optional<Person> existing = ctx.tables.persons().findByName(clean);
            Long targetId = existing.map(Person::id).orElse(null);
            List<Long> faces = List.copyOf(new LinkedHashSet<>(faceIds));
            moveFacesTo(ctx, faces, targetId, clean);
            String what = faces.size() == 1 ? "face " + faces.get(0) : faces.size() + " faces";
            return new UndoableWrites.Done((existing.isPresent() ? "Moved " : "Split ") + what + " to \""
                    + existing.map(Person::name).orElse(clean) + "\"", lastTarget(ctx, targetId));
        });
    }

    /**
     * Puts the face on the person ({@code assigned_by=user}), clearing its cluster, its suggestion, any refusal of
     * that person and a "not a face" mark.
     */
    public UndoableAction assignFace(long faceId, long personId) {
        return writes.run("assign face " + faceId, ctx -> {
            Person p = PeopleRows.requirePerson(ctx.tables, personId);
            moveFacesTo(ctx, List.of(faceId), personId, p.name());
            return new UndoableWrites.Done("Assigned face " + faceId + " to \"" + p.name() + "\"", personId);
        });
    }

    /** {@link #assignFace} to the person with that name, created when no one has it. */
    public UndoableAction assignFaceToNewPerson(long faceId, String name) {
        String clean = PeopleRows.cleanName(name);
        return writes.run("assign face " + faceId + " to \"" + clean + "\"", ctx -> {
            Optional<Person> existing = ctx.tables.persons().findByName(clean);
            Long targetId = existing.map(Person::id).orElse(null);
            moveFacesTo(ctx, List.of(faceId), targetId, clean);
            return new UndoableWrites.Done("Assigned face " + faceId + " to \"" + existing.map(Person::name).orElse(clean)
                    + "\"", lastTarget(ctx, targetId));
        });
    }

    /** Takes the face off its person; remembered as "not this person" for that person. */
    public UndoableAction unassignFace(long faceId) {
        return writes.run("unassign face " + faceId, ctx -> {
            FaceAssignmentStore.FaceRef face = PeopleRows.requireFace(ctx.tables, faceId);
            if (face.personId() == null) {
                throw new PeopleException("Face " + faceId + " is not assigned to anyone.");
            }
            Person p = PeopleRows.requirePerson(ctx.tables, face.personId());
            refuse(ctx, face, p.id());
            return new UndoableWrites.Done("Took face " + faceId + " off \"" + p.name() + "\"", null);
        });
    }

    /** Remembers that the face is not that person; unassigns it or drops the suggestion when it pointed there. */
    public UndoableAction notThisPerson(long faceId, long personId) {
        return writes.run("mark face " + faceId + " as not this person", ctx -> {
            FaceAssignmentStore.FaceRef face = PeopleRows.requireFace(ctx.tables, faceId);
            Person p = PeopleRows.requirePerson(ctx.tables, personId);
            refuse(ctx, face, personId);
            return new UndoableWrites.Done("Face " + faceId + " is not \"" + p.name() + "\"", null);
        });
    }

    /** Marks the detection as not a face: off its person, no suggestion, no cluster, not counted, never clustered again. */
    public UndoableAction notAFace(long faceId) {
        return writes.run("mark face " + faceId + " as not a face", ctx -> {
            PeopleTables t = ctx.tables;
            FaceAssignmentStore.FaceRef face = PeopleRows.requireFace(t, faceId);
            Set<Long> persons = new LinkedHashSet<>(t.persons().withCoverIn(List.of(faceId)));
            if (face.personId() != null) {
                persons.add(face.personId());
            }
            ctx.before(persons, List.of(faceId));
            t.faces().markNotAFace(faceId);
            t.persons().clearCover(faceId);
            return new UndoableWrites.Done("Face " + faceId + " is not a face", null);
        });
    }

    /** Hides (or shows) a person in people lists; faces stay assigned. */
    public UndoableAction hidePerson(long personId, boolean hidden) {
        return writes.run((hidden ? "hide" : "show") + " person " + personId, ctx -> {
            Person p = PeopleRows.requirePerson(ctx.tables, personId);
            ctx.before(List.of(personId), List.of());
            ctx.tables.persons().setHidden(personId, hidden);
            return new UndoableWrites.Done((hidden ? "Hid \"" : "Showed \"") + p.name() + "\"", personId);
        });
    }

    /** Deletes a person; its faces become unknown and its refusals are forgotten (restored by undo). */
    public UndoableAction deletePerson(long personId) {
        return writes.run("delete person " + personId, ctx -> {
            Person p = PeopleRows.requirePerson(ctx.tables, personId);
            ctx.before(List.of(personId), ctx.tables.faces().onOrSuggestedFor(List.of(personId)));
            ctx.tables.persons().delete(List.of(personId));
            return new UndoableWrites.Done("Deleted \"" + p.name() + "\"", null);
        });
    }

    /**
     * Chooses the cover face.
     *
     * @param faceId a face assigned to the person, or null to go back to the best-quality face
     */
    public UndoableAction setCoverFace(long personId, Long faceId) {
        return writes.run("set the cover face of person " + personId, ctx -> {
            Person p = PeopleRows.requirePerson(ctx.tables, personId);
            if (faceId != null) {
                FaceAssignmentStore.FaceRef face = PeopleRows.requireFace(ctx.tables, faceId);
                if (!Long.valueOf(personId).equals(face.personId()) || face.notAFace()) {
                    throw new PeopleException("Face " + faceId + " is not a face of \"" + p.name() + "\", so it cannot be the cover.");
                }
            }
            ctx.before(List.of(personId), List.of());
            ctx.tables.persons().setCover(personId, faceId);
            return new UndoableWrites.Done(faceId == null ? "Cover of \"" + p.name() + "\" back to the best face"
                    : "Face " + faceId + " is the cover of \"" + p.name() + "\"", personId);
        });
    }

    /**
     * The person's face gallery.
     *
     * @return every face of the person ("not a face" left out) with its cosine similarity to the person's mean
     *         embedding, in {@code order} (see {@link PersonFaces}); empty for a person without faces
     * @throws PeopleException for an unknown person or a catalog failure
     */
    public List<PersonFaces.PersonFace> gallery(long personId, PersonFaces.Order order) {
        return writes.read("read the face gallery of person " + personId, t -> {
            PeopleRows.requirePerson(t, personId);
            return PersonFaces.of(t.onTx(tx -> new PersonFaceStore().facesOf(tx, personId)), order);
        });
    }

    /**
     * {@link #assignFace} for several faces at once, as one undoable action (a gallery's "Move to…").
     *
     * @throws PeopleException when no face is given, or a face or the person is unknown
     */
    public UndoableAction moveFaces(List<Long> faceIds, long personId) {
        List<Long> faces = distinct(faceIds, "move");
        return writes.run("move " + faces.size() + " faces", ctx -> {
            Person p = PeopleRows.requirePerson(ctx.tables, personId);
            moveFacesTo(ctx, faces, personId, p.name());
            return new UndoableWrites.Done("Moved " + what(faces) + " to \"" + p.name() + "\"", personId);
        });
    }

    /** {@link #unassignFace} for several faces at once, as one undoable action; faces on nobody are refused. */
    public UndoableAction unassignFaces(List<Long> faceIds) {
        List<Long> ids = distinct(faceIds, "unassign");
        return writes.run("unassign " + ids.size() + " faces", ctx -> {
            List<FaceAssignmentStore.FaceRef> faces = new ArrayList<>();
            for (long id : ids) {
                FaceAssignmentStore.FaceRef face = PeopleRows.requireFace(ctx.tables, id);
                if (face.personId() == null) {
                    throw new PeopleException("Face " + id + " is not assigned to anyone.");
                }
                faces.add(face);
            }
            refuseAll(ctx, faces, null);
            return new UndoableWrites.Done("Took " + what(ids) + " off their person", null);
        });
    }

    /** {@link #notThisPerson} for several faces at once, as one undoable action. */
    public UndoableAction notThisPerson(List<Long> faceIds, long personId) {
        List<Long> ids = distinct(faceIds, "mark");
        return writes.run("mark " + ids.size() + " faces as not this person", ctx -> {
            Person p = PeopleRows.requirePerson(ctx.tables, personId);
            List<FaceAssignmentStore.FaceRef> faces = new ArrayList<>();
            for (long id : ids) {
                faces.add(PeopleRows.requireFace(ctx.tables, id));
            }
            refuseAll(ctx, faces, personId);
            return new UndoableWrites.Done(capitalised(what(ids)) + (ids.size() == 1 ? " is" : " are") + " not \"" + p.name() + "\"", null);
        });
    }

    /** {@link #notAFace} for several faces at once, as one undoable action. */
    public UndoableAction notAFace(List<Long> faceIds) {
        List<Long> ids = distinct(faceIds, "mark");
        return writes.run("mark " + ids.size() + " faces as not a face", ctx -> {
            PeopleTables t = ctx.tables;
            Set<Long> persons = new LinkedHashSet<>(t.persons().withCoverIn(ids));
            for (long id : ids) {
                FaceAssignmentStore.FaceRef face = PeopleRows.requireFace(t, id);
                if (face.personId() != null) {
                    persons.add(face.personId());
                }
            }
            ctx.before(persons, ids);
            for (long id : ids) {
                t.faces().markNotAFace(id);
                t.persons().clearCover(id);
            }
            return new UndoableWrites.Done(capitalised(what(ids)) + (ids.size() == 1 ? " is" : " are") + " not a face", null);
        });
    }

    /** {@link #hidePerson} for several people at once, as one undoable action. */
    public UndoableAction hidePeople(List<Long> personIds, boolean hidden) {
        List<Long> ids = distinct(personIds, hidden ? "hide" : "show");
        return writes.run((hidden ? "hide " : "show ") + ids.size() + " people", ctx -> {
            List<String> names = new ArrayList<>();
            for (long id : ids) {
                names.add("\"" + PeopleRows.requirePerson(ctx.tables, id).name() + "\"");
            }
            ctx.before(ids, List.of());
            ids.forEach(id -> ctx.tables.persons().setHidden(id, hidden));
            return new UndoableWrites.Done((hidden ? "Hid " : "Showed ") + String.join(", ", names), null);
        });
    }

    /** {@link #deletePerson} for several people at once, as one undoable action. */
    public UndoableAction deletePeople(List<Long> personIds) {
        List<Long> ids = distinct(personIds, "delete");
        return writes.run("delete " + ids.size() + " people", ctx -> {
            List<String> names = new ArrayList<>();
            for (long id : ids) {
                names.add("\"" + PeopleRows.requirePerson(ctx.tables, id).name() + "\"");
            }
            ctx.before(ids, ctx.tables.faces().onOrSuggestedFor(ids));
            ctx.tables.persons().delete(ids);
            return new UndoableWrites.Done("Deleted " + String.join(", ", names), null);
        });
    }

    private static List<Long> distinct(List<Long> ids, String verb) {
        if (ids.isEmpty()) {
            throw new PeopleException("Choose at least one to " + verb + ".");
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static String what(List<Long> faces) {
        return faces.size() == 1 ? "face " + faces.get(0) : faces.size() + " faces";
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Snapshots once, then refuses each face for {@code personId}, or for its own person when {@code personId} is null
     * (as {@link #refuse} does for one face).
     */
    private static void refuseAll(UndoableWrites.Context ctx, List<FaceAssignmentStore.FaceRef> faces, Long personId) {
        PeopleTables t = ctx.tables;
        Set<Long> persons = new LinkedHashSet<>();
        List<Long> ids = new ArrayList<>();
        for (FaceAssignmentStore.FaceRef face : faces) {
            persons.add(personId != null ? personId : face.personId());
            ids.add(face.id());
        }
        ctx.before(persons, ids);
        for (FaceAssignmentStore.FaceRef face : faces) {
            long refused = personId != null ? personId : face.personId();
            t.rejections().add(face.id(), refused);
            if (Long.valueOf(refused).equals(face.personId())) {
                t.faces().unassign(face.id());
                t.persons().clearCoverIf(refused, face.id());
            }
            if (Long.valueOf(refused).equals(face.suggestedPersonId())) {
                t.faces().clearSuggestion(face.id());
            }
        }
    }

    /**
     * Reverts the most recent action of the session (of any of the three services), restoring every row it changed.
     *
     * @return the action undone, empty when there was none
     * @throws PeopleException when the catalog changed since in a way that forbids restoring (nothing is changed then)
     */
    public Optional<UndoableAction> undo() {
        return writes.undo();
    }

    // ---- shared by the actions (and by ClusterService / RecognitionService) ----

    /**
     * Snapshots and moves {@code faceIds} to {@code targetId}, or to a new person named {@code newName} when
     * {@code targetId} is null.
     */
    static void moveFacesTo(UndoableWrites.Context ctx, List<Long> faceIds, Long targetId, String newName) {
        PeopleTables t = ctx.tables;
        List<FaceAssignmentStore.FaceRef> faces = new ArrayList<>();
        for (long id : faceIds) {
            faces.add(PeopleRows.requireFace(t, id));
        }
        Set<Long> persons = new LinkedHashSet<>();
        if (targetId != null) {
            persons.add(targetId);
        }
        for (FaceAssignmentStore.FaceRef f : faces) {
            if (f.personId() != null) {
                persons.add(f.personId());
            }
        }
        persons.addAll(t.persons().withCoverIn(faceIds));
        ctx.before(persons, faceIds);
        long target;
        if (targetId == null) {
            target = t.persons().insert(newName, false);
            ctx.created(target);
            ctx.lastCreated = target;
        } else {
            target = targetId;
        }
        t.faces().assignByUser(faceIds, target);
        t.rejections().forget(target, faceIds);
        t.persons().clearCoverExcept(target, faceIds);
    }

    private static Long lastTarget(UndoableWrites.Context ctx, Long existingId) {
        return existingId != null ? existingId : ctx.lastCreated;
    }

    /** "Not this person": remember the refusal; take the face off the person or drop the suggestion. */
    static void refuse(UndoableWrites.Context ctx, FaceAssignmentStore.FaceRef face, long personId) {
        PeopleTables t = ctx.tables;
        ctx.before(List.of(personId), List.of(face.id()));
        t.rejections().add(face.id(), personId);
        if (Long.valueOf(personId).equals(face.personId())) {
            t.faces().unassign(face.id());
            t.persons().clearCoverIf(personId, face.id());
        }
        if (Long.valueOf(personId).equals(face.suggestedPersonId())) {
            t.faces().clearSuggestion(face.id());
        }
    }
}
