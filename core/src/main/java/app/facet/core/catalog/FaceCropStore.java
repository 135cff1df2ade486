package app.facet.core.catalog;

import app.facet.core.rules.FaceRowFacts;
import app.facet.model.Landmarks;
import app.facet.model.QualityMetrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The {@code face_crops} writes the face-row rules guard: inserting a validated face crop, recording a refused
 * one, reading the facts the rules judge, and storing the verdict ({@code status}, {@code invalid_reason}).
 * Every method runs inside the caller's {@link Tx}. @throws CatalogException on a database error (every method)
 */
public final class FaceCropStore {
    private static final String INSERT = "INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, "
            + "lm_right_eye_x, lm_right_eye_y, lm_left_eye_x, lm_left_eye_y, lm_nose_x, lm_nose_y, "
            + "lm_mouth_right_x, lm_mouth_right_y, lm_mouth_left_x, lm_mouth_left_y, detection_score, detector, "
            + "face_size_px, sharpness, brightness, contrast, frontal_pose, quality, quality_label, "
            + "embedding, embedding_model_id, person_id, assigned_by) "
            + "VALUES (?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?, ?,?, ?,?,?,?,?,?,?, ?,?,?,?)";
    private static final String FACTS = "SELECT f.id, f.image_path, f.crop_path, f.x, f.y, f.w, f.h, f.detection_score,"
            + " typeof(f.embedding) AS emb_type, f.embedding, f.embedding_model_id, m.dimension, p.path, p.width, p.height,"
            + " f.status, f.invalid_reason"
            + " FROM face_crops f LEFT JOIN photos p ON p.id = f.photo_id LEFT JOIN embedding_models m ON m.id = f.embedding_model_id";

    /** A stored face row with the facts the rules judge and its stored verdict. */
    public record StoredFacts(long faceId, FaceRowFacts facts, boolean flaggedInvalid, String invalidReason) {
    }

    /** The photo and model facts a new row is judged against. @param photoPath null when the photo row is gone */
    public record PhotoFacts(String photoPath, Integer width, Integer height) {
    }

    /** @return the facts of photo {@code photoId} (path null when there is no such photo) */
    public PhotoFacts photoFacts(Tx tx, long photoId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT path, width, height FROM photos WHERE id = ?")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new PhotoFacts(rs.getString(1), (Integer) rs.getObject(2), (Integer) rs.getObject(3))
                        : new PhotoFacts(null, null, null);
            }
        } catch (SQLException e) {
            throw fail("read photo " + photoId, e);
        }
    }

    /** @return the dimension registered for {@code modelId}, or null when the model is not registered */
    public Integer modelDimension(Tx tx, String modelId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT dimension FROM embedding_models WHERE id = ?")) {
            ps.setString(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        } catch (SQLException e) {
            throw fail("read embedding model " + modelId, e);
        }
    }

    /** @return whether {@code path} is the crop_path of some face row (indexed lookup) */
    public boolean isSomeCropPath(Tx tx, String path) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM face_crops WHERE crop_path = ? LIMIT 1")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw fail("look up a crop path", e);
        }
    }

    /**
     * Deletes every face row of photo {@code photoId} (their crop files are queued for the janitor by trigger).
     *
     * @return the number of rows deleted
     */
    public int deleteFacesOfPhoto(Tx tx, long photoId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM face_crops WHERE photo_id = ?")) {
            ps.setLong(1, photoId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("delete the faces of photo " + photoId, e);
        }
    }

    /** Inserts a face row the caller has validated. @return the new face id */
    public long insert(Tx tx, NewFaceCrop f) {
        try (PreparedStatement ps = tx.connection().prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            bindInsert(ps, f);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw fail("insert a face of photo " + f.photoId(), e);
        }
    }

    private static void bindInsert(PreparedStatement ps, NewFaceCrop f) throws SQLException {
        int i = 1;
        ps.setLong(i++, f.photoId());
        ps.setString(i++, f.imagePath());
        ps.setString(i++, f.cropPath());
        ps.setDouble(i++, f.box().x());
        ps.setDouble(i++, f.box().y());
        ps.setDouble(i++, f.box().w());
        ps.setDouble(i++, f.box().h());
        Landmarks lm = f.landmarks();
        double[] xy = lm == null ? null : new double[]{lm.rightEye().x(), lm.rightEye().y(), lm.leftEye().x(), lm.leftEye().y(),
                lm.nose().x(), lm.nose().y(), lm.mouthRight().x(), lm.mouthRight().y(), lm.mouthLeft().x(), lm.mouthLeft().y()};
        for (int k = 0; k < 10; k++) {
            setDouble(ps, i++, xy == null ? null : xy[k]);
        }
        ps.setDouble(i++, f.detectionScore());
        ps.setString(i++, f.detector());
        QualityMetrics q = f.quality();
        setDouble(ps, i++, q == null ? null : q.faceSizePx());
        setDouble(ps, i++, q == null ? null : q.sharpness());
        setDouble(ps, i++, q == null ? null : q.brightness());
        setDouble(ps, i++, q == null ? null : q.contrast());
        setDouble(ps, i++, q == null ? null : q.frontalPose());
        setDouble(ps, i++, q == null ? null : q.overall());
        ps.setString(i++, q == null ? null : q.label().name().toLowerCase(Locale.ROOT));
        if (f.embedding() == null) {
            ps.setNull(i++, Types.BLOB);
        } else {
            ps.setBytes(i++, Embeddings.toBytes(f.embedding()));
        }
        ps.setString(i++, f.embeddingModelId());
        if (f.personId() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setLong(i++, f.personId());
        }
        ps.setString(i, f.assignedBy().sql());
    }

    /** Records a refused face write in {@code rejected_writes} (never silent). */
    public void recordRejection(Tx tx, NewFaceCrop f, Long scanRunId, String reason) {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO rejected_writes (scan_run_id, photo_path, image_path, crop_path, reason) "
                        + "VALUES (?, (SELECT path FROM photos WHERE id = ?), ?, ?, ?)")) {
            if (scanRunId == null) {
                ps.setNull(1, Types.INTEGER);
            } else {
                ps.setLong(1, scanRunId);
            }
            ps.setLong(2, f.photoId());
            ps.setString(3, f.imagePath());
            ps.setString(4, f.cropPath());
            ps.setString(5, reason);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("record a refused face of photo " + f.photoId(), e);
        }
    }

    /** Streams the stored facts of the faces {@code faceIds} (unknown ids are skipped). */
    public void forEachFacts(Tx tx, Collection<Long> faceIds, Consumer<StoredFacts> sink) {
        try (PreparedStatement ps = tx.connection().prepareStatement(FACTS + " WHERE f.id" + IdList.IN + " ORDER BY f.id")) {
            IdList.bind(ps, 1, faceIds);
            stream(ps, sink);
        } catch (SQLException e) {
            throw fail("read faces to validate", e);
        }
    }

    /** Streams the stored facts of every face of the catalog. */
    public void forEachFacts(Tx tx, Consumer<StoredFacts> sink) {
        try (PreparedStatement ps = tx.connection().prepareStatement(FACTS + " ORDER BY f.id")) {
            stream(ps, sink);
        } catch (SQLException e) {
            throw fail("read faces to validate", e);
        }
    }

    private static void stream(PreparedStatement ps, Consumer<StoredFacts> sink) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(new StoredFacts(rs.getLong("id"), facts(rs), "invalid".equals(rs.getString("status")),
                        rs.getString("invalid_reason")));
            }
        }
    }

    private static FaceRowFacts facts(ResultSet rs) throws SQLException {
        String type = rs.getString("emb_type");
        byte[] blob = "blob".equals(type) ? rs.getBytes("embedding") : null;
        Integer bytes = "null".equals(type) ? null : blob == null ? FaceRowFacts.NOT_A_BLOB : blob.length;
        float[] embedding = blob != null && blob.length % 4 == 0 ? Embeddings.fromBytes(blob) : null;
        return new FaceRowFacts(rs.getString("image_path"), rs.getString("path"), rs.getString("crop_path"),
                number(rs.getObject("x")), number(rs.getObject("y")), number(rs.getObject("w")), number(rs.getObject("h")),
                (Integer) rs.getObject("width"), (Integer) rs.getObject("height"), rs.getDouble("detection_score"),
                bytes, embedding, rs.getString("embedding_model_id"), (Integer) rs.getObject("dimension"));
    }

    /** Stores the verdict "invalid, because {@code reason}" on face {@code faceId}. */
    public void flagInvalid(Tx tx, long faceId, String reason) {
        update(tx, "UPDATE face_crops SET status = 'invalid', invalid_reason = ? WHERE id = ?", reason, faceId);
    }

    /** Clears the invalid flag of face {@code faceId}. */
    public void markValid(Tx tx, long faceId) {
        update(tx, "UPDATE face_crops SET status = 'valid', invalid_reason = NULL WHERE id = ?", null, faceId);
    }

    private static void update(Tx tx, String sql, String reason, long faceId) {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            int i = 1;
            if (reason != null) {
                ps.setString(i++, reason);
            }
            ps.setLong(i, faceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail("store the verdict on face " + faceId, e);
        }
    }

    /** @return the stored value as a double; NaN for text, BLOBs and NULL (a degenerate box) */
    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null || !Double.isFinite(v)) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static CatalogException fail(String what, SQLException e) {
        return new CatalogException("Could not " + what + ": " + e.getMessage(), e);
    }
}
