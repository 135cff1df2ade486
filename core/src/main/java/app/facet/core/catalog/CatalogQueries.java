package app.facet.core.catalog;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import app.facet.model.Landmarks;
import app.facet.model.Photo;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;
import app.facet.model.ScanState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Read-only listings of the catalog for the command line and exports, streamed row by row so that a
 * 300k-face library never sits in memory at once.
 */
public final class CatalogQueries {
    private final Catalog catalog;

    public CatalogQueries(Catalog catalog) {
        this.catalog = catalog;
    }

    static final String FACE_COLUMNS = "fc.id, fc.photo_id, fc.image_path, fc.crop_path, fc.x, fc.y, fc.w, fc.h, "
            + "fc.lm_right_eye_x, fc.lm_right_eye_y, fc.lm_left_eye_x, fc.lm_left_eye_y, fc.lm_nose_x, fc.lm_nose_y, "
            + "fc.lm_mouth_right_x, fc.lm_mouth_right_y, fc.lm_mouth_left_x, fc.lm_mouth_left_y, fc.detection_score, fc.detector, "
            + "fc.face_size_px, fc.sharpness, fc.brightness, fc.contrast, fc.frontal_pose, fc.quality, fc.quality_label, "
            + "fc.embedding IS NOT NULL, fc.embedding_model_id, fc.person_id, p.name, fc.assigned_by, fc.cluster_id, fc.not_a_face, "
            + "fc.status, fc.invalid_reason";

    /** Every face, ordered by photo path then face id. @throws CatalogException on a database error */
    public void forEachFace(Consumer<Face> sink) {
        String sql = "SELECT " + FACE_COLUMNS + " FROM face_crops fc LEFT JOIN persons p ON p.id = fc.person_id "
                + "ORDER BY fc.image_path, fc.id";
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(face(rs));
            }
        } catch (SQLException e) {
            throw new CatalogException("Cannot list faces: " + e.getMessage(), e);
        }
    }

    /** Every photo with its face count, ordered by path. @throws CatalogException on a database error */
    public void forEachPhoto(Consumer<Photo> sink) {
        String sql = "SELECT ph.id, ph.path, ph.size_bytes, ph.mtime_ms, ph.content_hash, ph.width, ph.height, ph.taken_at, "
                + "ph.scan_state, ph.failure_reason, ph.detector, ph.embedding_model_id, ph.missing_since IS NOT NULL, "
                + "(SELECT count(*) FROM face_crops fc WHERE fc.photo_id = ph.id AND fc.not_a_face = 0) "
                + "FROM photos ph ORDER BY ph.path";
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String taken = rs.getString(8);
                sink.accept(new Photo(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7), taken == null ? null : Instant.parse(taken),
                        ScanState.fromSql(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getBoolean(13), rs.getInt(14)));
            }
        } catch (SQLException e) {
            throw new CatalogException("Cannot list photos: " + e.getMessage(), e);
        }
    }

    /** Maps a row selected with {@link #FACE_COLUMNS} (in that order, from column 1). */
    static Face face(ResultSet rs) throws SQLException {
        Landmarks lm = null;
        if (rs.getObject(9) != null) {
            double[] xy = new double[10];
            for (int k = 0; k < 10; k++) {
                xy[k] = rs.getDouble(9 + k);
            }
            lm = Landmarks.of(xy);
        }
        QualityMetrics q = null;
        if (rs.getObject(26) != null) {
            Object pose = rs.getObject(25);
            q = new QualityMetrics(rs.getDouble(21), rs.getDouble(22), rs.getDouble(23), rs.getDouble(24),
                    pose == null ? Double.NaN : rs.getDouble(25), rs.getDouble(26),
                    QualityLabel.valueOf(rs.getString(27).toUpperCase(java.util.Locale.ROOT)));
        }
        double w = rs.getDouble(7), h = rs.getDouble(8);
        // A planted or corrupt row may have a degenerate box; listings must still show it (flagged), not crash.
        BoundingBox box = w > 0 && h > 0 ? new BoundingBox(rs.getDouble(5), rs.getDouble(6), w, h) : null;
        Object personId = rs.getObject(30);
        Object cluster = rs.getObject(33);
        return new Face(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), box, lm, rs.getDouble(19),
                rs.getString(20), q, rs.getBoolean(28), rs.getString(29),
                personId == null ? null : ((Number) personId).longValue(), rs.getString(31),
                AssignedBy.fromSql(rs.getString(32)), cluster == null ? null : ((Number) cluster).longValue(),
                rs.getBoolean(34), FaceStatus.fromSql(rs.getString(35)), rs.getString(36));
    }
}
