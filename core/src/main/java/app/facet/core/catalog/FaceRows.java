package app.facet.core.catalog;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import app.facet.model.Landmarks;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Maps a row selected as {@code SELECT f.*, p.name AS person_name FROM face_crops f LEFT JOIN persons p ...} to a
 * {@link Face}: bbox and landmarks in original-image pixels after EXIF orientation; metrics never measured are NaN.
 */
public final class FaceRows {
    private FaceRows() {
    }

    /** @throws IllegalArgumentException for a degenerate stored box (callers decide how to show such a row) */
    public static Face map(ResultSet rs) throws SQLException {
        BoundingBox box = new BoundingBox(rs.getDouble("x"), rs.getDouble("y"), rs.getDouble("w"), rs.getDouble("h"));
        Landmarks landmarks = null;
        double rex = rs.getDouble("lm_right_eye_x");
        if (!rs.wasNull()) {
            landmarks = Landmarks.of(rex, rs.getDouble("lm_right_eye_y"), rs.getDouble("lm_left_eye_x"), rs.getDouble("lm_left_eye_y"),
                    rs.getDouble("lm_nose_x"), rs.getDouble("lm_nose_y"), rs.getDouble("lm_mouth_right_x"),
                    rs.getDouble("lm_mouth_right_y"), rs.getDouble("lm_mouth_left_x"), rs.getDouble("lm_mouth_left_y"));
        }
        QualityMetrics quality = null;
        double overall = rs.getDouble("quality");
        if (!rs.wasNull()) {
            String label = rs.getString("quality_label");
            quality = new QualityMetrics(nan(rs, "face_size_px"), nan(rs, "sharpness"), nan(rs, "brightness"), nan(rs, "contrast"),
                    nan(rs, "frontal_pose"), overall, label == null ? QualityLabel.of(overall) : QualityLabel.valueOf(label.toUpperCase(Locale.ROOT)));
        }
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        long cluster = rs.getLong("cluster_id");
        Long clusterId = rs.wasNull() ? null : cluster;
        return new Face(rs.getLong("id"), rs.getLong("photo_id"), rs.getString("image_path"), rs.getString("crop_path"), box,
                landmarks, rs.getDouble("detection_score"), rs.getString("detector"), quality,
                rs.getString("embedding_model_id") != null, rs.getString("embedding_model_id"), personId, rs.getString("person_name"),
                AssignedBy.fromSql(rs.getString("assigned_by")), clusterId, rs.getInt("not_a_face") == 1,
                FaceStatus.fromSql(rs.getString("status")), rs.getString("invalid_reason"));
    }

    private static double nan(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
