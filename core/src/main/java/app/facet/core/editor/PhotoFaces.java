package app.facet.core.editor;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import app.facet.model.Landmarks;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the face rows of one photo for the editor; a row whose box cannot be drawn is counted, not thrown on. */
final class PhotoFaces {
    private static final Logger log = LoggerFactory.getLogger(PhotoFaces.class);

    private static final String SQL = """
            SELECT f.*, p.name AS person_name FROM face_crops f LEFT JOIN persons p ON p.id = f.person_id
            WHERE f.photo_id = ? ORDER BY f.x, f.y, f.id""";

    record Read(List<Face> faces, int unreadable) {
    }

    private PhotoFaces() {
    }

    static Read read(Connection c, long photoId) throws SQLException {
        List<Face> faces = new ArrayList<>();
        int unreadable = 0;
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        faces.add(map(rs));
                    } catch (RuntimeException e) {
                        unreadable++;
                        log.warn("event=face_row_not_drawable face_id={} error=\"{}\"", rs.getLong("id"), e.getMessage());
                    }
                }
            }
        }
        return new Read(faces, unreadable);
    }

    private static Face map(ResultSet rs) throws SQLException {
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
