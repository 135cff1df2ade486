package app.facet.core.catalog;

import app.facet.model.AssignedBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Optional;

/**
 * Person placement of face rows inside an editor's unit of work ({@link EditStore#people()}): {@code persons},
 * {@code face_crops.person_id} and the refusals in {@code face_person_rejections}. The rules that combine these
 * steps live with the editor; each method here is one consistent change. Every method throws
 * {@link CatalogException} (carrying the database's message) on a database error.
 */
public final class PlacementStore {
    private final Connection c;

    PlacementStore(Connection c) {
        this.c = c;
    }

    /**
     * Runs another store's work on the same connection (and transaction) as a {@link Tx}, e.g.
     * {@code FaceDeletionStore.remember} in the editor's delete.
     */
    public <T> T onTx(java.util.function.Function<Tx, T> work) {
        return work.apply(Tx.of(c));
    }

    /** @return true when the person exists */
    public boolean personExists(long personId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM persons WHERE id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw EditStore.failure(e);
        }
    }

    /** @return the id of the person of that name, compared case-insensitively (the name as given, not trimmed here) */
    public Optional<Long> personNamed(String name) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM persons WHERE name = ? COLLATE NOCASE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw EditStore.failure(e);
        }
    }

    /** @return the id of a new person of that name */
    public long createPerson(String name) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO persons (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw EditStore.failure(e);
        }
    }

    /** @return the person of a face row; null when it is on nobody or gone */
    public Long personOf(long faceId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? FaceRows.longOrNull(rs, "person_id") : null;
            }
        } catch (SQLException e) {
            throw EditStore.failure(e);
        }
    }

    /** @return who placed the face on its person; NONE when the row is gone */
    public AssignedBy assignedBy(long faceId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT assigned_by FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? AssignedBy.fromSql(rs.getString(1)) : AssignedBy.NONE;
            }
        } catch (SQLException e) {
            throw EditStore.failure(e);
        }
    }

    /**
     * Puts a face on {@code personId} as the user's decision: {@code assigned_by=user}, no cluster, no suggestion, no
     * "not a face" mark, no refusal of that person; it stops being another person's cover.
     */
    public void placeByUser(long faceId, long personId) {
        run("UPDATE face_crops SET person_id = ?, assigned_by = 'user', cluster_id = NULL, suggested_person_id = NULL, "
                + "suggestion_similarity = NULL, not_a_face = 0 WHERE id = ?", personId, faceId);
        run("DELETE FROM face_person_rejections WHERE person_id = ? AND face_id = ?", personId, faceId);
        run("UPDATE persons SET cover_face_id = NULL WHERE id <> ? AND cover_face_id = ?", personId, faceId);
    }

    /** Takes a face off {@code personId} (its person), remembering the refusal; drops that suggestion and cover role. */
    public void takeOff(long faceId, long personId) {
        refuse(faceId, personId);
        run("UPDATE face_crops SET person_id = NULL, assigned_by = 'none' WHERE id = ?", faceId);
        run("UPDATE face_crops SET suggested_person_id = NULL, suggestion_similarity = NULL WHERE id = ? AND suggested_person_id = ?",
                faceId, personId);
        run("UPDATE persons SET cover_face_id = NULL WHERE id = ? AND cover_face_id = ?", personId, faceId);
    }

    /** Records that the face is not {@code personId} ("not this person"); kept when already recorded. */
    public void refuse(long faceId, long personId) {
        run("INSERT OR IGNORE INTO face_person_rejections (face_id, person_id) VALUES (?, ?)", faceId, personId);
    }

    /**
     * A face row replaced by a new one (moved box, re-detection): the new row inherits the old one's refusals (but
     * of {@code newPersonId}), the cover role of its person when the old row had it, and its provenance from a face region
     * ({@code metadata_source}, {@code metadata_name}).
     */
    public void inherit(long oldFaceId, long newFaceId, Long newPersonId) {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO face_person_rejections (face_id, person_id) "
                + "SELECT ?, person_id FROM face_person_rejections WHERE face_id = ? AND person_id IS NOT ?")) {
            ps.setLong(1, newFaceId);
            ps.setLong(2, oldFaceId);
            if (newPersonId == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setLong(3, newPersonId);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw EditStore.failure(e);
        }
        if (newPersonId != null) {
            run("UPDATE persons SET cover_face_id = ? WHERE id = ? AND cover_face_id = ?", newFaceId, newPersonId, oldFaceId);
        }
        // where the old row's name or box came from (a face region, V71) stays known
        run("UPDATE face_crops SET (metadata_source, metadata_name) = (SELECT metadata_source, metadata_name FROM face_crops "
                + "WHERE id = ?) WHERE id = ? AND EXISTS (SELECT 1 FROM face_crops WHERE id = ? AND metadata_source IS NOT NULL)",
                oldFaceId, newFaceId, oldFaceId);
    }

    /** Marks a face row "not a face". */
    public void markNotAFace(long faceId) {
        run("UPDATE face_crops SET not_a_face = 1 WHERE id = ?", faceId);
    }

    private void run(String sql, Object... params) {
        try {
            update(c, sql, params);
        } catch (SQLException e) {
            throw EditStore.failure(e);
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
