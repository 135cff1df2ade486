package app.facet.core.editor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The people rules of {@code PeopleService}, as SQL on the caller's transaction, so that an editor save can place
 * faces in the same transaction as its inserts and deletes:
 * a face the user places gets {@code assigned_by=user} and loses its cluster, suggestion, "not a face" mark and any
 * refusal of that person; taking a face off a person records the refusal ("not this person").
 */
final class PeopleRules {
    private PeopleRules() {
    }

    /**
     * @return the person's id (an existing name matches case-insensitively after trimming), and whether it was created
     * @throws FaceEditException for an {@link PersonAssignment.Existing} person that is gone
     */
    static Resolved resolve(Connection c, PersonAssignment a) throws SQLException {
        if (a instanceof PersonAssignment.Existing e) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM persons WHERE id = ?")) {
                ps.setLong(1, e.personId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new FaceEditException("Person " + e.personId() + " no longer exists: choose someone else and save again.");
                    }
                }
            }
            return new Resolved(e.personId(), false);
        }
        if (a instanceof PersonAssignment.Named n) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM persons WHERE name = ? COLLATE NOCASE")) {
                ps.setString(1, n.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new Resolved(rs.getLong(1), false);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO persons (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, n.name());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Resolved(keys.getLong(1), true);
                }
            }
        }
        throw new IllegalArgumentException("not a person: " + a);
    }

    record Resolved(long personId, boolean created) {
    }

    /** Puts a stored face on {@code personId} as the user's decision. @return true when the face was on someone else */
    static boolean assign(Connection c, long faceId, long personId) throws SQLException {
        Long before = personOf(c, faceId);
        update(c, "UPDATE face_crops SET person_id = ?, assigned_by = 'user', cluster_id = NULL, suggested_person_id = NULL, "
                + "suggestion_similarity = NULL, not_a_face = 0 WHERE id = ?", personId, faceId);
        update(c, "DELETE FROM face_person_rejections WHERE person_id = ? AND face_id = ?", personId, faceId);
        update(c, "UPDATE persons SET cover_face_id = NULL WHERE id <> ? AND cover_face_id = ?", personId, faceId);
        return before == null || before != personId;
    }

    /** Takes a stored face off its person, remembering the refusal. @return true when it was on someone */
    static boolean unassign(Connection c, long faceId) throws SQLException {
        Long before = personOf(c, faceId);
        if (before == null) {
            return false;
        }
        update(c, "INSERT OR IGNORE INTO face_person_rejections (face_id, person_id) VALUES (?, ?)", faceId, before);
        update(c, "UPDATE face_crops SET person_id = NULL, assigned_by = 'none' WHERE id = ?", faceId);
        update(c, "UPDATE face_crops SET suggested_person_id = NULL, suggestion_similarity = NULL WHERE id = ? AND suggested_person_id = ?",
                faceId, before);
        update(c, "UPDATE persons SET cover_face_id = NULL WHERE id = ? AND cover_face_id = ?", before, faceId);
        return true;
    }

    /**
     * A face replaced by a new row (moved box, re-detection): the new row inherits the old one's refusals, and the
     * cover of its person when the old row was it.
     */
    static void inherit(Connection c, long oldFaceId, long newFaceId, Long newPersonId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO face_person_rejections (face_id, person_id) "
                + "SELECT ?, person_id FROM face_person_rejections WHERE face_id = ? AND person_id IS NOT ?")) {
            ps.setLong(1, newFaceId);
            ps.setLong(2, oldFaceId);
            if (newPersonId == null) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setLong(3, newPersonId);
            }
            ps.executeUpdate();
        }
        if (newPersonId != null) {
            update(c, "UPDATE persons SET cover_face_id = ? WHERE id = ? AND cover_face_id = ?", newFaceId, newPersonId, oldFaceId);
        }
    }

    static Long personOf(Connection c, long faceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
