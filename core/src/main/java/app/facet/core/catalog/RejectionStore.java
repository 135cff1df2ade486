package app.facet.core.catalog;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code face_person_rejections} table ("not this person": that face is never suggested for, or assigned
 * automatically to, that person again), on the connection (and transaction) of a {@link PeopleTables}. Errors:
 * {@link CatalogException}.
 */
public final class RejectionStore {
    private final Connection c;

    RejectionStore(Connection c) {
        this.c = c;
    }

    public record Rejection(long faceId, long personId) {
    }

    /** Remembers that the face is not the person (kept when already there). */
    public void add(long faceId, long personId) {
        PeopleJdbc.update(c, "INSERT OR IGNORE INTO face_person_rejections (face_id, person_id) VALUES (?, ?)", ps -> {
            ps.setLong(1, faceId);
            ps.setLong(2, personId);
        });
    }

    public boolean exists(long faceId, long personId) {
        return PeopleJdbc.first(c, "SELECT 1 FROM face_person_rejections WHERE face_id = ? AND person_id = ?", ps -> {
            ps.setLong(1, faceId);
            ps.setLong(2, personId);
        }, rs -> true).isPresent();
    }

    /** Forgets the refusals of {@code personId} by these faces (the user now says they are that person). */
    public void forget(long personId, Collection<Long> faceIds) {
        PeopleJdbc.update(c, "DELETE FROM face_person_rejections WHERE person_id = ? AND face_id" + IdList.IN, ps -> {
            ps.setLong(1, personId);
            IdList.bind(ps, 2, faceIds);
        });
    }

    /** Forgets the refusals of {@code personId} by faces that are now on that person. */
    public void forgetByOwnFaces(long personId) {
        PeopleJdbc.update(c, "DELETE FROM face_person_rejections WHERE person_id = ? "
                + "AND face_id IN (SELECT id FROM face_crops WHERE person_id = ?)", ps -> {
            ps.setLong(1, personId);
            ps.setLong(2, personId);
        });
    }

    /** A face that refused one of {@code from} refuses {@code target} too, unless it is on {@code target}. */
    public void copyTo(Collection<Long> from, long target) {
        PeopleJdbc.update(c, "INSERT OR IGNORE INTO face_person_rejections(face_id, person_id) SELECT r.face_id, ? "
                + "FROM face_person_rejections r JOIN face_crops f ON f.id = r.face_id WHERE r.person_id" + IdList.IN
                + " AND f.person_id IS NOT ?", ps -> {
            ps.setLong(1, target);
            IdList.bind(ps, 2, from);
            ps.setLong(3, target);
        });
    }

    /** @return face id → persons it refused, for faces on no person */
    public Map<Long, Set<Long>> ofUnassignedFaces() {
        Map<Long, Set<Long>> out = new HashMap<>();
        PeopleJdbc.list(c, "SELECT r.face_id, r.person_id FROM face_person_rejections r JOIN face_crops f ON f.id = r.face_id "
                + "WHERE f.person_id IS NULL", PeopleJdbc.NONE, rs -> new Rejection(rs.getLong(1), rs.getLong(2)))
                .forEach(r -> out.computeIfAbsent(r.faceId(), k -> new HashSet<>()).add(r.personId()));
        return out;
    }

    /** @return face id → names of the persons it refused, by name (case-insensitive) */
    public Map<Long, List<String>> namesByFace() {
        record Named(long faceId, String name) {
        }
        Map<Long, List<String>> out = new HashMap<>();
        PeopleJdbc.list(c, "SELECT r.face_id, pe.name FROM face_person_rejections r JOIN persons pe ON pe.id = r.person_id "
                        + "ORDER BY r.face_id, pe.name COLLATE NOCASE", PeopleJdbc.NONE, rs -> new Named(rs.getLong(1), rs.getString(2)))
                .forEach(n -> out.computeIfAbsent(n.faceId(), k -> new ArrayList<>()).add(n.name()));
        return out;
    }

    // ---- undo snapshots ----

    /** @return every refusal by one of the faces or of one of the persons, by face then person */
    public List<Rejection> within(Collection<Long> faceIds, Collection<Long> personIds) {
        return PeopleJdbc.list(c, "SELECT face_id, person_id FROM face_person_rejections WHERE face_id" + IdList.IN
                + " OR person_id" + IdList.IN + " ORDER BY face_id, person_id", ps -> {
            IdList.bind(ps, 1, faceIds);
            IdList.bind(ps, 2, personIds);
        }, rs -> new Rejection(rs.getLong(1), rs.getLong(2)));
    }

    /** Deletes every refusal by one of the faces or of one of the persons. */
    public void deleteWithin(Collection<Long> faceIds, Collection<Long> personIds) {
        PeopleJdbc.update(c, "DELETE FROM face_person_rejections WHERE face_id" + IdList.IN + " OR person_id" + IdList.IN, ps -> {
            IdList.bind(ps, 1, faceIds);
            IdList.bind(ps, 2, personIds);
        });
    }

    /** Writes a refusal back when its face and person both still exist. */
    public void restore(Rejection r) {
        PeopleJdbc.update(c, "INSERT OR IGNORE INTO face_person_rejections(face_id, person_id) SELECT ?, ? "
                + "WHERE EXISTS (SELECT 1 FROM face_crops WHERE id = ?) AND EXISTS (SELECT 1 FROM persons WHERE id = ?)", ps -> {
            ps.setLong(1, r.faceId());
            ps.setLong(2, r.personId());
            ps.setLong(3, r.faceId());
            ps.setLong(4, r.personId());
        });
    }
}
