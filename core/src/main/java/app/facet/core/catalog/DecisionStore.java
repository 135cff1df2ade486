package app.facet.core.catalog;

import app.facet.model.BoundingBox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * SQL for {@code orphaned_decisions} (user decisions whose face row was replaced) and for re-applying a decision to
 * a new face row. Methods taking a {@link Tx} throw {@link CatalogException}; those taking a {@link Connection} are
 * for other stores and throw SQLException.
 */
public final class DecisionStore {
    /** The detector value of a box drawn or moved in the crop editor ({@code OpenCvPhotoAnalyzer.MANUAL_DETECTOR}). */
    public static final String MANUAL_DETECTOR = "manual";

    // every user decision on the selected face rows, one row per decision; ?1 = 'manual', ?2 = the face selection;
    // a face's provenance from a face region (V71) rides on its 'person' and 'hand_drawn_box' rows
    private static final String DECISIONS = """
            SELECT f.photo_id, f.id, 'person' AS kind, f.person_id AS person, f.x, f.y, f.w, f.h, p.width, p.height,
                   f.embedding, f.embedding_model_id, f.metadata_source, f.metadata_name
              FROM face_crops f JOIN photos p ON p.id = f.photo_id
             WHERE f.assigned_by = 'user' AND %1$s
            UNION ALL
            SELECT f.photo_id, f.id, 'not_a_face', NULL, f.x, f.y, f.w, f.h, p.width, p.height, f.embedding, f.embedding_model_id,
                   NULL, NULL FROM face_crops f JOIN photos p ON p.id = f.photo_id WHERE f.not_a_face = 1 AND %1$s
            UNION ALL
            SELECT f.photo_id, f.id, 'not_this_person', r.person_id, f.x, f.y, f.w, f.h, p.width, p.height, f.embedding,
                   f.embedding_model_id, NULL, NULL FROM face_crops f JOIN photos p ON p.id = f.photo_id
                   JOIN face_person_rejections r ON r.face_id = f.id WHERE %1$s
            UNION ALL
            SELECT f.photo_id, f.id, 'hand_drawn_box', NULL, f.x, f.y, f.w, f.h, p.width, p.height, f.embedding, f.embedding_model_id,
                   f.metadata_source, f.metadata_name FROM face_crops f JOIN photos p ON p.id = f.photo_id
             WHERE f.detector = ? AND %1$s
            UNION ALL
            SELECT f.photo_id, f.id, 'cover', pe.id, f.x, f.y, f.w, f.h, p.width, p.height, f.embedding, f.embedding_model_id,
                   NULL, NULL FROM face_crops f JOIN photos p ON p.id = f.photo_id JOIN persons pe ON pe.cover_face_id = f.id
             WHERE %1$s
            """;
    private static final String INSERT = "INSERT INTO orphaned_decisions (photo_id, old_face_id, kind, person_id, x, y, w, h, "
            + "photo_width, photo_height, embedding, embedding_model_id, metadata_source, metadata_name, state, reason) ";
    private static final String COLUMNS = "d.id, d.photo_id, d.old_face_id, d.kind, d.person_id, d.x, d.y, d.w, d.h, "
            + "d.photo_width, d.photo_height, d.embedding, d.embedding_model_id, d.state, d.reason, d.recorded_at, "
            + "d.metadata_source, d.metadata_name";

    private DecisionStore() {
    }

    /**
     * Copies every user decision on the face rows of {@code photoId} into {@code orphaned_decisions}, awaiting the
     * photo's re-analysis. Call it in the transaction that deletes those rows, before the delete.
     *
     * @return decisions held
     */
    public static int holdForReanalysis(Connection c, long photoId) throws SQLException {
        String where = "f.photo_id = ?";
        try (PreparedStatement ps = c.prepareStatement(INSERT + "SELECT d.*, 'awaiting_analysis', NULL FROM ("
                + DECISIONS.formatted(where) + ") d")) {
            bindSelection(ps, MANUAL_DETECTOR, photoId);
            return ps.executeUpdate();
        }
    }

    /**
     * Copies every user decision on the face rows {@code faceIds} into {@code orphaned_decisions} as needing review
     * (no new face matched them). Call it before the rows are deleted.
     *
     * @return decisions kept for review
     */
    public static int holdForReview(Tx tx, Collection<Long> faceIds, String reason) {
        try (PreparedStatement ps = tx.connection().prepareStatement(INSERT + "SELECT d.*, 'needs_review', ? FROM ("
                + DECISIONS.formatted("f.id" + IdList.IN) + ") d")) {
            ps.setString(1, reason);
            // the selection's placeholders follow the reason
            int i = 2;
            for (int part = 0; part < 5; part++) {
                if (part == 3) {
                    ps.setString(i++, MANUAL_DETECTOR);
                }
                IdList.bind(ps, i++, faceIds);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("keep the decisions of faces " + faceIds + " for review", e);
        }
    }

    /** Binds the five selections of {@link #DECISIONS} (the fourth also takes the manual detector). */
    private static void bindSelection(PreparedStatement ps, String manual, long photoId) throws SQLException {
        int i = 1;
        for (int part = 0; part < 5; part++) {
            if (part == 3) {
                ps.setString(i++, manual);
            }
            ps.setLong(i++, photoId);
        }
    }

    /** @return the decisions of {@code photoId} awaiting its re-analysis, by id */
    public static List<HeldDecision> awaiting(Tx tx, long photoId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM orphaned_decisions d WHERE d.photo_id = ? AND d.state = 'awaiting_analysis' ORDER BY d.id")) {
            ps.setLong(1, photoId);
            List<HeldDecision> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read the held decisions of photo " + photoId, e);
        }
    }

    /** Forgets held decisions that were carried to a new face (or settled by the user). @return rows deleted */
    public static int forget(Tx tx, Collection<Long> ids) {
        return update(tx, "forget carried decisions", "DELETE FROM orphaned_decisions WHERE id" + IdList.IN, ids, null);
    }

    /** Forgets one decision needing review: the user dismissed it (one awaiting its photo's analysis stays). @return rows deleted */
    public static int dismiss(Tx tx, long id) {
        return update(tx, "dismiss decision " + id, "DELETE FROM orphaned_decisions WHERE state = 'needs_review' AND id"
                + IdList.IN, List.of(id), null);
    }

    /** Marks held decisions as needing review, with why (one sentence). @return rows changed */
    public static int needReview(Tx tx, Collection<Long> ids, String reason) {
        return update(tx, "mark decisions for review",
                "UPDATE orphaned_decisions SET state = 'needs_review', reason = ? WHERE id" + IdList.IN, ids, reason);
    }

    private static int update(Tx tx, String what, String sql, Collection<Long> ids, String reason) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            int i = 1;
            if (reason != null) {
                ps.setString(i++, reason);
            }
            IdList.bind(ps, i, ids);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /** @return every held decision (awaiting and needing review), photo path and person name included, by id */
    public static List<OrphanedDecisionRow> list(Tx tx) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + ", p.path, pe.name"
                + " FROM orphaned_decisions d JOIN photos p ON p.id = d.photo_id LEFT JOIN persons pe ON pe.id = d.person_id"
                + " ORDER BY d.id");
             ResultSet rs = ps.executeQuery()) {
            List<OrphanedDecisionRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new OrphanedDecisionRow(map(rs), rs.getString("path"), rs.getString("name")));
            }
            return out;
        } catch (SQLException e) {
            throw fail("list the decisions needing review", e);
        }
    }

    /** @return decisions in state needs_review */
    public static long countNeedingReview(Tx tx) {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT count(*) FROM orphaned_decisions WHERE state = 'needs_review'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw fail("count the decisions needing review", e);
        }
    }

    // ---- the photo's "no faces" decision ----

    /** @return whether the user decided that {@code photoId} has no faces ({@code photos.no_faces_by_user}) */
    public static boolean noFacesByUser(Tx tx, long photoId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT no_faces_by_user FROM photos WHERE id = ?")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw fail("read the no-faces decision of photo " + photoId, e);
        }
    }

    // ---- re-applying decisions to a new face row ----

    /** Marks a face row "not a face". */
    public static void markNotAFace(Tx tx, long faceId) {
        run(tx, "mark face " + faceId + " not a face", "UPDATE face_crops SET not_a_face = 1 WHERE id = ?", faceId);
    }

    /** Records that the face is not {@code personId}; kept when already recorded. */
    public static void refuse(Tx tx, long faceId, long personId) {
        run(tx, "record that face " + faceId + " is not person " + personId,
                "INSERT OR IGNORE INTO face_person_rejections (face_id, person_id) VALUES (?, ?)", faceId, personId);
    }

    /**
     * Makes the face the cover of {@code personId}; a face on nobody is put on that person first, automatically
     * (a cover is always one of its person's faces).
     *
     * @return false when the face is on another person (nothing changed)
     */
    public static boolean makeCover(Tx tx, long faceId, long personId) {
        run(tx, "put face " + faceId + " on person " + personId, "UPDATE face_crops SET person_id = ?, assigned_by = 'auto' "
                + "WHERE id = ? AND person_id IS NULL", personId, faceId);
        return run(tx, "make face " + faceId + " the cover of person " + personId, "UPDATE persons SET cover_face_id = ? "
                + "WHERE id = ? AND EXISTS (SELECT 1 FROM face_crops WHERE id = ? AND person_id = ?)",
                faceId, personId, faceId, personId) == 1;
    }

    private static int run(Tx tx, String what, String sql, Object... params) {
        try {
            return PlacementStore.update(tx.connection(), sql, params);
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    private static HeldDecision map(ResultSet rs) throws SQLException {
        byte[] emb = rs.getBytes("embedding");
        return new HeldDecision(rs.getLong("id"), rs.getLong("photo_id"), rs.getLong("old_face_id"),
                DecisionKind.fromSql(rs.getString("kind")), FaceRows.longOrNull(rs, "person_id"),
                new BoundingBox(rs.getDouble("x"), rs.getDouble("y"), rs.getDouble("w"), rs.getDouble("h")),
                (Integer) rs.getObject("photo_width"), (Integer) rs.getObject("photo_height"),
                emb == null ? null : Embeddings.fromBytes(emb), rs.getString("embedding_model_id"),
                "needs_review".equals(rs.getString("state")), rs.getString("reason"), rs.getString("recorded_at"),
                rs.getString("metadata_source"), rs.getString("metadata_name"));
    }

    private static CatalogException fail(String what, SQLException e) {
        return new CatalogException("Could not " + what + ": " + e.getMessage(), e);
    }
}
