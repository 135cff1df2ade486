package app.facet.core.browse;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import app.facet.model.Landmarks;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The faces of one photo with their person names, for the photo viewer. Call off the UI thread. */
public final class FaceBrowser {
    private static final String SQL = """
            SELECT f.*, p.name AS person_name
            FROM face_crops f LEFT JOIN persons p ON p.id = f.person_id
            WHERE f.photo_id = ?
            ORDER BY f.x, f.y, f.id
            """;

    private final Catalog catalog;

    public FaceBrowser(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return every face row of the photo (invalid rows and "not a face" rows included: the caller decides how
     *         to show them), left to right; boxes in original-image pixels after EXIF orientation
     */
    public List<Face> faces(long photoId) {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, photoId);
            List<Face> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read the faces of photo " + photoId + ": " + e.getMessage(), e);
        }
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
            quality = new QualityMetrics(nan(rs, "face_size_px"), nan(rs, "sharpness"), nan(rs, "brightness"),
                    nan(rs, "contrast"), nan(rs, "frontal_pose"), overall, QualityLabel.of(overall));
        }
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        long cluster = rs.getLong("cluster_id");
        Long clusterId = rs.wasNull() ? null : cluster;
        return new Face(rs.getLong("id"), rs.getLong("photo_id"), rs.getString("image_path"), rs.getString("crop_path"), box,
                landmarks, rs.getDouble("detection_score"), rs.getString("detector"), quality,
                rs.getBytes("embedding") != null, rs.getString("embedding_model_id"), personId, rs.getString("person_name"),
                AssignedBy.fromSql(rs.getString("assigned_by")), clusterId, rs.getInt("not_a_face") == 1,
                FaceStatus.fromSql(rs.getString("status")), rs.getString("invalid_reason"));
    }

    private static double nan(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
