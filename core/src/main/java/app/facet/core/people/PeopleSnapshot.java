package app.facet.core.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rows an action may change, as they were before it: whole {@code persons} rows (or their absence), the
 * people columns of {@code face_crops}, and every {@code face_person_rejections} row of those faces or persons.
 * {@link #restore} writes them back; the cached counts are recomputed by the catalog's triggers from the restored
 * faces, so they come back too.
 */
final class PeopleSnapshot {
    private static final Logger log = LoggerFactory.getLogger(PeopleSnapshot.class);

    record PersonRow(long id, String name, int hidden, Long coverFaceId, int faceCount, int photoCount, String createdAt) {
    }

    record FaceState(long id, Long personId, String assignedBy, Long clusterId, Long suggestedPersonId,
                     Double suggestionSimilarity, int notAFace) {
    }

    record Rejection(long faceId, long personId) {
    }

    /** id → row; a null value means "this person did not exist". */
    private final Map<Long, PersonRow> persons = new LinkedHashMap<>();
    private final Map<Long, FaceState> faces = new LinkedHashMap<>();
    private final Set<Long> rejectionFaceScope = new LinkedHashSet<>();
    private final Set<Long> rejectionPersonScope = new LinkedHashSet<>();
    private final List<Rejection> rejections = new ArrayList<>();

    private PeopleSnapshot() {
    }

    static PeopleSnapshot capture(Connection c, Collection<Long> personIds, Collection<Long> faceIds) throws SQLException {
        PeopleSnapshot s = new PeopleSnapshot();
        for (long id : new LinkedHashSet<>(personIds)) {
            s.persons.put(id, readPerson(c, id));
        }
        for (long id : new LinkedHashSet<>(faceIds)) {
            FaceState f = readFace(c, id);
            if (f != null) {
                s.faces.put(id, f);
            }
        }
        s.rejectionFaceScope.addAll(s.faces.keySet());
        s.rejectionPersonScope.addAll(s.persons.keySet());
        s.rejections.addAll(readRejections(c, s.rejectionFaceScope, s.rejectionPersonScope));
        return s;
    }

    /** Records that the action created this person: undo deletes it. */
    void markCreated(long personId) {
        persons.putIfAbsent(personId, null);
    }

    void restore(Connection c) throws SQLException {
        // 1. persons the action created go away first, so their names are free again (the catalog trigger
        //    unassigns any face still on them; the faces captured are rewritten below)
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM persons WHERE id = ?")) {
            for (Map.Entry<Long, PersonRow> e : persons.entrySet()) {
                if (e.getValue() == null) {
                    ps.setLong(1, e.getKey());
                    ps.executeUpdate();
                }
            }
        }
        // 2. persons that existed come back with every column (faces may point at them below)
        for (Map.Entry<Long, PersonRow> e : persons.entrySet()) {
            if (e.getValue() != null) {
                upsertPerson(c, e.getValue());
            }
        }
        // 3. the people columns of every face
        try (PreparedStatement ps = c.prepareStatement("UPDATE face_crops SET person_id = ?, assigned_by = ?, cluster_id = ?, "
                + "suggested_person_id = ?, suggestion_similarity = ?, not_a_face = ? WHERE id = ?")) {
            for (FaceState f : faces.values()) {
                setLong(ps, 1, f.personId());
                ps.setString(2, f.assignedBy());
                setLong(ps, 3, f.clusterId());
                setLong(ps, 4, f.suggestedPersonId());
                if (f.suggestionSimilarity() == null) {
                    ps.setNull(5, Types.REAL);
                } else {
                    ps.setDouble(5, f.suggestionSimilarity());
                }
                ps.setInt(6, f.notAFace());
                ps.setLong(7, f.id());
                if (ps.executeUpdate() == 0) {
                    // the photo was deleted since: nothing of this face is left to restore
                    log.warn("event=undo_face_gone face={}", f.id());
                }
            }
        }
        // 4. refusals exactly as they were, within the scope captured
        deleteRejections(c, rejectionFaceScope, rejectionPersonScope);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO face_person_rejections(face_id, person_id) "
                        + "SELECT ?, ? WHERE EXISTS (SELECT 1 FROM face_crops WHERE id = ?) AND EXISTS (SELECT 1 FROM persons WHERE id = ?)")) {
            for (Rejection r : rejections) {
                ps.setLong(1, r.faceId());
                ps.setLong(2, r.personId());
                ps.setLong(3, r.faceId());
                ps.setLong(4, r.personId());
                ps.executeUpdate();
            }
        }
        // 5. cached counts from the restored faces (a later, unrecorded change, e.g. recognition, may have moved them)
        try (PreparedStatement ps = c.prepareStatement("UPDATE persons SET "
                + "face_count = (SELECT count(*) FROM face_crops WHERE person_id = persons.id AND not_a_face = 0), "
                + "photo_count = (SELECT count(DISTINCT photo_id) FROM face_crops WHERE person_id = persons.id AND not_a_face = 0) "
                + "WHERE id = ?")) {
            for (Long id : persons.keySet()) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
    }

    private static void upsertPerson(Connection c, PersonRow p) throws SQLException {
        Long clash = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM persons WHERE name = ? COLLATE NOCASE AND id <> ?")) {
            ps.setString(1, p.name());
            ps.setLong(2, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    clash = rs.getLong(1);
                }
            }
        }
        if (clash != null) {
            throw new PeopleException("Cannot undo: the name \"" + p.name() + "\" now belongs to another person (id " + clash + ").");
        }
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM persons WHERE id = ?")) {
            ps.setLong(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        String sql = exists
                ? "UPDATE persons SET name = ?, hidden = ?, cover_face_id = ?, face_count = ?, photo_count = ?, created_at = ? WHERE id = ?"
                : "INSERT INTO persons(name, hidden, cover_face_id, face_count, photo_count, created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.name());
            ps.setInt(2, p.hidden());
            setLong(ps, 3, p.coverFaceId());
            ps.setInt(4, p.faceCount());
            ps.setInt(5, p.photoCount());
            ps.setString(6, p.createdAt());
            ps.setLong(7, p.id());
            ps.executeUpdate();
        }
    }

    private static PersonRow readPerson(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, hidden, cover_face_id, face_count, photo_count, created_at FROM persons WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new PersonRow(rs.getLong(1), rs.getString(2), rs.getInt(3), getLong(rs, 4), rs.getInt(5), rs.getInt(6), rs.getString(7));
            }
        }
    }

    private static FaceState readFace(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, person_id, assigned_by, cluster_id, suggested_person_id, "
                + "suggestion_similarity, not_a_face FROM face_crops WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                double sim = rs.getDouble(6);
                Double similarity = rs.wasNull() ? null : sim;
                return new FaceState(rs.getLong(1), getLong(rs, 2), rs.getString(3), getLong(rs, 4), getLong(rs, 5), similarity, rs.getInt(7));
            }
        }
    }

    private static List<Rejection> readRejections(Connection c, Set<Long> faceIds, Set<Long> personIds) throws SQLException {
        List<Rejection> out = new ArrayList<>();
        if (faceIds.isEmpty() && personIds.isEmpty()) {
            return out;
        }
        String sql = "SELECT face_id, person_id FROM face_person_rejections WHERE face_id IN (" + inList(faceIds)
                + ") OR person_id IN (" + inList(personIds) + ") ORDER BY face_id, person_id";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Rejection(rs.getLong(1), rs.getLong(2)));
            }
        }
        return out;
    }

    private static void deleteRejections(Connection c, Set<Long> faceIds, Set<Long> personIds) throws SQLException {
        if (faceIds.isEmpty() && personIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM face_person_rejections WHERE face_id IN (" + inList(faceIds)
                + ") OR person_id IN (" + inList(personIds) + ")")) {
            ps.executeUpdate();
        }
    }

    /** ids are longs we hold, never user text: safe to inline. */
    private static String inList(Set<Long> ids) {
        return ids.isEmpty() ? "NULL" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Long getLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }
}
