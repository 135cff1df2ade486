package app.facet.core.people;

import app.facet.core.catalog.IdList;

import app.facet.core.catalog.Catalog;
import app.facet.model.Face;
import app.facet.model.Person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
    private final Catalog catalog;
    private final UndoableWrites writes;

    /** A service with its own, new session history. */
    public PeopleService(Catalog catalog) {
        this(catalog, new UndoHistory());
    }

    /** A service sharing {@code history} with the cluster and recognition services of the same session. */
    public PeopleService(Catalog catalog, UndoHistory history) {
        this.catalog = catalog;
        this.writes = new UndoableWrites(catalog, history);
    }

    public UndoHistory history() {
        return writes.history();
    }

    /** @return people by name (case-insensitive); hidden ones only when {@code includeHidden} */
    public List<Person> listPeople(boolean includeHidden) {
        return Transactions.read(catalog, "list the people", c -> {
            List<Person> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + PeopleRows.PERSON_COLUMNS + " FROM persons"
                    + (includeHidden ? "" : " WHERE hidden = 0") + " ORDER BY name COLLATE NOCASE, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(PeopleRows.person(rs));
                }
            }
            return out;
        });
    }

    /** @return the person with this id */
    public Optional<Person> person(long personId) {
        return Transactions.read(catalog, "read person " + personId, c -> PeopleRows.findPerson(c, personId));
    }

    /** @return the person with this name, compared case-insensitively after trimming */
    public Optional<Person> findByName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        return Transactions.read(catalog, "find a person by name", c -> PeopleRows.findPersonByName(c, clean));
    }

    /** @return the faces assigned to the person (not "not a face"), best quality first */
    public List<Face> facesOf(long personId) {
        return Transactions.read(catalog, "read the faces of person " + personId, c -> {
            try (PreparedStatement ps = c.prepareStatement(PeopleRows.FACE_SELECT
                    + "WHERE f.person_id = ? AND f.not_a_face = 0 ORDER BY " + PeopleRows.BEST_QUALITY_ORDER)) {
                ps.setLong(1, personId);
                return PeopleRows.faces(ps);
            }
        });
    }

    /** @return the faces with these ids, in the order given; unknown ids are left out */
    public List<Face> faces(Collection<Long> faceIds) {
        if (faceIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(faceIds));
        return Transactions.read(catalog, "read faces", c -> {
            java.util.Map<Long, Face> byId = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PeopleRows.FACE_SELECT + "WHERE f.id" + IdList.IN)) {
                IdList.bind(ps, 1, ids);
                for (Face f : PeopleRows.faces(ps)) {
                    byId.put(f.id(), f);
                }
            }
            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        });
    }

    /** @return the cover face to show: the one the user chose, else the person's best-quality face; empty without faces */
    public OptionalLong coverFace(long personId) {
        return Transactions.read(catalog, "find the cover face of person " + personId, c -> {
            Person p = PeopleRows.requirePerson(c, personId);
            if (p.coverFaceId() != null) {
                return OptionalLong.of(p.coverFaceId());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT f.id FROM face_crops f WHERE f.person_id = ? "
                    + "AND f.not_a_face = 0 ORDER BY (f.status = 'valid') DESC, " + PeopleRows.BEST_QUALITY_ORDER + " LIMIT 1")) {
                ps.setLong(1, personId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** Creates a person without faces; an existing name (case-insensitive) returns that person instead. */
    public UndoableAction createPerson(String name) {
        String clean = PeopleRows.cleanName(name);
        return writes.run("create the person \"" + clean + "\"", ctx -> {
            ctx.before(List.of(), List.of());
            Optional<Person> existing = PeopleRows.findPersonByName(ctx.c, clean);
            if (existing.isPresent()) {
                return new UndoableWrites.Done("\"" + existing.get().name() + "\" already exists", existing.get().id());
            }
            long id = PeopleRows.insertPerson(ctx.c, clean);
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
            Person p = PeopleRows.requirePerson(ctx.c, personId);
            Optional<Person> other = PeopleRows.findPersonByName(ctx.c, clean);
            if (other.isPresent() && other.get().id() != personId) {
                throw new NameTakenException(other.get().name(), other.get().id());
            }
            ctx.before(List.of(personId), List.of());
            try (PreparedStatement ps = ctx.c.prepareStatement("UPDATE persons SET name = ? WHERE id = ?")) {
                ps.setString(1, clean);
                ps.setLong(2, personId);
                ps.executeUpdate();
            }
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
            Person target = PeopleRows.requirePerson(ctx.c, targetId);
            List<Person> sourcePeople = new ArrayList<>();
            for (long id : sources) {
                sourcePeople.add(PeopleRows.requirePerson(ctx.c, id));
            }
            String in = sources.stream().map(String::valueOf).collect(Collectors.joining(","));
            Set<Long> persons = new LinkedHashSet<>();
            persons.add(targetId);
            persons.addAll(sources);
            ctx.before(persons, ids(ctx.c, "SELECT id FROM face_crops WHERE person_id IN (" + in
                    + ") OR suggested_person_id IN (" + in + ")"));
            exec(ctx.c, "UPDATE face_crops SET person_id = " + targetId + " WHERE person_id IN (" + in + ")");
            // a refusal of the target is void for a face the user now says is the target
            exec(ctx.c, "DELETE FROM face_person_rejections WHERE person_id = " + targetId
                    + " AND face_id IN (SELECT id FROM face_crops WHERE person_id = " + targetId + ")");
            exec(ctx.c, "UPDATE face_crops SET suggested_person_id = " + targetId + " WHERE suggested_person_id IN (" + in
                    + ") AND NOT EXISTS (SELECT 1 FROM face_person_rejections r WHERE r.face_id = face_crops.id AND r.person_id = "
                    + targetId + ")");
            exec(ctx.c, "INSERT OR IGNORE INTO face_person_rejections(face_id, person_id) SELECT r.face_id, " + targetId
                    + " FROM face_person_rejections r JOIN face_crops f ON f.id = r.face_id WHERE r.person_id IN (" + in
                    + ") AND f.person_id IS NOT " + targetId);
            if (target.coverFaceId() == null) {
                for (Person source : sourcePeople) {
                    if (source.coverFaceId() != null) {
                        exec(ctx.c, "UPDATE persons SET cover_face_id = " + source.coverFaceId() + " WHERE id = " + targetId);
                        break;
                    }
                }
            }
            exec(ctx.c, "DELETE FROM persons WHERE id IN (" + in + ")");
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
            Optional<Person> existing = PeopleRows.findPersonByName(ctx.c, clean);
            Long targetId = existing.map(Person::id).orElse(null);
            List<Long> faces = List.copyOf(new LinkedHashSet<>(faceIds));
            moveFacesTo(ctx, faces, targetId, clean);
            String what = faces.size() == 1 ? "face " + faces.get(0) : faces.size() + " faces";
            return new UndoableWrites.Done((existing.isPresent() ? "Moved " : "Split ") + what + " to \""
                    + existing.map(Person::name).orElse(clean) + "\"", lastTarget(ctx, targetId, clean));
        });
    }

    /**
     * Puts the face on the person ({@code assigned_by=user}), clearing its cluster, its suggestion, any refusal of
     * that person and a "not a face" mark.
     */
    public UndoableAction assignFace(long faceId, long personId) {
        return writes.run("assign face " + faceId, ctx -> {
            Person p = PeopleRows.requirePerson(ctx.c, personId);
            moveFacesTo(ctx, List.of(faceId), personId, p.name());
            return new UndoableWrites.Done("Assigned face " + faceId + " to \"" + p.name() + "\"", personId);
        });
    }

    /** {@link #assignFace} to the person with that name, created when no one has it. */
    public UndoableAction assignFaceToNewPerson(long faceId, String name) {
        String clean = PeopleRows.cleanName(name);
        return writes.run("assign face " + faceId + " to \"" + clean + "\"", ctx -> {
            Optional<Person> existing = PeopleRows.findPersonByName(ctx.c, clean);
            Long targetId = existing.map(Person::id).orElse(null);
            moveFacesTo(ctx, List.of(faceId), targetId, clean);
            return new UndoableWrites.Done("Assigned face " + faceId + " to \"" + existing.map(Person::name).orElse(clean)
                    + "\"", lastTarget(ctx, targetId, clean));
        });
    }

    /** Takes the face off its person; remembered as "not this person" for that person. */
    public UndoableAction unassignFace(long faceId) {
        return writes.run("unassign face " + faceId, ctx -> {
            PeopleRows.FaceRef face = PeopleRows.requireFace(ctx.c, faceId);
            if (face.personId() == null) {
                throw new PeopleException("Face " + faceId + " is not assigned to anyone.");
            }
            Person p = PeopleRows.requirePerson(ctx.c, face.personId());
            refuse(ctx, face, p.id());
            return new UndoableWrites.Done("Took face " + faceId + " off \"" + p.name() + "\"", null);
        });
    }

    /** Remembers that the face is not that person; unassigns it or drops the suggestion when it pointed there. */
    public UndoableAction notThisPerson(long faceId, long personId) {
        return writes.run("mark face " + faceId + " as not this person", ctx -> {
            PeopleRows.FaceRef face = PeopleRows.requireFace(ctx.c, faceId);
            Person p = PeopleRows.requirePerson(ctx.c, personId);
            refuse(ctx, face, personId);
            return new UndoableWrites.Done("Face " + faceId + " is not \"" + p.name() + "\"", null);
        });
    }

    /** Marks the detection as not a face: off its person, no suggestion, no cluster, not counted, never clustered again. */
    public UndoableAction notAFace(long faceId) {
        return writes.run("mark face " + faceId + " as not a face", ctx -> {
            PeopleRows.FaceRef face = PeopleRows.requireFace(ctx.c, faceId);
            Set<Long> persons = new LinkedHashSet<>(ids(ctx.c, "SELECT id FROM persons WHERE cover_face_id = " + faceId));
            if (face.personId() != null) {
                persons.add(face.personId());
            }
            ctx.before(persons, List.of(faceId));
            exec(ctx.c, "UPDATE face_crops SET not_a_face = 1, person_id = NULL, assigned_by = 'none', cluster_id = NULL, "
                    + "suggested_person_id = NULL, suggestion_similarity = NULL WHERE id = " + faceId);
            exec(ctx.c, "UPDATE persons SET cover_face_id = NULL WHERE cover_face_id = " + faceId);
            return new UndoableWrites.Done("Face " + faceId + " is not a face", null);
        });
    }

    /** Hides (or shows) a person in people lists; faces stay assigned. */
    public UndoableAction hidePerson(long personId, boolean hidden) {
        return writes.run((hidden ? "hide" : "show") + " person " + personId, ctx -> {
            Person p = PeopleRows.requirePerson(ctx.c, personId);
            ctx.before(List.of(personId), List.of());
            exec(ctx.c, "UPDATE persons SET hidden = " + (hidden ? 1 : 0) + " WHERE id = " + personId);
            return new UndoableWrites.Done((hidden ? "Hid \"" : "Showed \"") + p.name() + "\"", personId);
        });
    }

    /** Deletes a person; its faces become unknown and its refusals are forgotten (restored by undo). */
    public UndoableAction deletePerson(long personId) {
        return writes.run("delete person " + personId, ctx -> {
            Person p = PeopleRows.requirePerson(ctx.c, personId);
            ctx.before(List.of(personId), ids(ctx.c, "SELECT id FROM face_crops WHERE person_id = " + personId
                    + " OR suggested_person_id = " + personId));
            exec(ctx.c, "DELETE FROM persons WHERE id = " + personId);
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
            Person p = PeopleRows.requirePerson(ctx.c, personId);
            if (faceId != null) {
                PeopleRows.FaceRef face = PeopleRows.requireFace(ctx.c, faceId);
                if (!Long.valueOf(personId).equals(face.personId()) || face.notAFace()) {
                    throw new PeopleException("Face " + faceId + " is not a face of \"" + p.name() + "\", so it cannot be the cover.");
                }
            }
            ctx.before(List.of(personId), List.of());
            exec(ctx.c, "UPDATE persons SET cover_face_id = " + (faceId == null ? "NULL" : faceId) + " WHERE id = " + personId);
            return new UndoableWrites.Done(faceId == null ? "Cover of \"" + p.name() + "\" back to the best face"
                    : "Face " + faceId + " is the cover of \"" + p.name() + "\"", personId);
        });
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

    // ---- shared by the actions (and by ClusterService / RecognitionService through FaceMoves) ----

    /**
     * Snapshots and moves {@code faceIds} to {@code targetId}, or to a new person named {@code newName} when
     * {@code targetId} is null.
     */
    static void moveFacesTo(UndoableWrites.Context ctx, List<Long> faceIds, Long targetId, String newName) throws SQLException {
        List<PeopleRows.FaceRef> faces = new ArrayList<>();
        for (long id : faceIds) {
            faces.add(PeopleRows.requireFace(ctx.c, id));
        }
        Set<Long> persons = new LinkedHashSet<>();
        if (targetId != null) {
            persons.add(targetId);
        }
        for (PeopleRows.FaceRef f : faces) {
            if (f.personId() != null) {
                persons.add(f.personId());
            }
        }
        String in = faceIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        persons.addAll(ids(ctx.c, "SELECT id FROM persons WHERE cover_face_id IN (" + in + ")"));
        ctx.before(persons, faceIds);
        long target;
        if (targetId == null) {
            target = PeopleRows.insertPerson(ctx.c, newName);
            ctx.created(target);
            ctx.lastCreated = target;
        } else {
            target = targetId;
        }
        exec(ctx.c, "UPDATE face_crops SET person_id = " + target + ", assigned_by = 'user', cluster_id = NULL, "
                + "suggested_person_id = NULL, suggestion_similarity = NULL, not_a_face = 0 WHERE id IN (" + in + ")");
        exec(ctx.c, "DELETE FROM face_person_rejections WHERE person_id = " + target + " AND face_id IN (" + in + ")");
        exec(ctx.c, "UPDATE persons SET cover_face_id = NULL WHERE id <> " + target + " AND cover_face_id IN (" + in + ")");
    }

    private static Long lastTarget(UndoableWrites.Context ctx, Long existingId, String name) {
        return existingId != null ? existingId : ctx.lastCreated;
    }

    /** "Not this person": remember the refusal; take the face off the person or drop the suggestion. */
    static void refuse(UndoableWrites.Context ctx, PeopleRows.FaceRef face, long personId) throws SQLException {
        Set<Long> persons = new LinkedHashSet<>();
        persons.add(personId);
        ctx.before(persons, List.of(face.id()));
        exec(ctx.c, "INSERT OR IGNORE INTO face_person_rejections(face_id, person_id) VALUES (" + face.id() + ", " + personId + ")");
        if (Long.valueOf(personId).equals(face.personId())) {
            exec(ctx.c, "UPDATE face_crops SET person_id = NULL, assigned_by = 'none' WHERE id = " + face.id());
            exec(ctx.c, "UPDATE persons SET cover_face_id = NULL WHERE id = " + personId + " AND cover_face_id = " + face.id());
        }
        if (Long.valueOf(personId).equals(face.suggestedPersonId())) {
            exec(ctx.c, "UPDATE face_crops SET suggested_person_id = NULL, suggestion_similarity = NULL WHERE id = " + face.id());
        }
    }

    static List<Long> ids(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** Only for SQL built from ids and constants we hold, never from user text. */
    static void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
