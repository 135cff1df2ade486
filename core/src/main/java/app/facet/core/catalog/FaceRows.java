package app.facet.core.catalog;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import app.facet.model.Landmarks;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;
import app.facet.core.rules.ManagedFolder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The one mapping of a {@code face_crops} row to a {@link Face}, by column name. Select {@link #COLUMNS} from
 * {@link #FROM} (or {@code f.*, pn.name AS person_name} over the same aliases). Bbox and landmarks are in
 * original-image pixels after EXIF orientation; metrics never measured are NaN. A stored box that is degenerate
 * (not finite, or a side below 1 px) maps to a null {@link Face#box()} so listings can still show the row, flagged.
 * {@link Face#cropPath()} is the crop file's absolute path, resolved against where the library folder is now (the
 * catalog stores it relative, {@link ManagedFolder#sqlFile}).
 */
public final class FaceRows {
    /** The face columns, from {@code face_crops f} and {@code persons pn} (see {@link #FROM}). */
    public static final String COLUMNS = "f.id, f.photo_id, f.image_path, " + ManagedFolder.sqlFile("f.crop_path") + " AS crop_path, f.x, f.y, f.w, f.h, "
            + "f.lm_right_eye_x, f.lm_right_eye_y, f.lm_left_eye_x, f.lm_left_eye_y, f.lm_nose_x, f.lm_nose_y, "
            + "f.lm_mouth_right_x, f.lm_mouth_right_y, f.lm_mouth_left_x, f.lm_mouth_left_y, f.detection_score, f.detector, "
            + "f.face_size_px, f.sharpness, f.brightness, f.contrast, f.frontal_pose, f.quality, f.quality_label, "
            + "f.embedding_model_id, f.person_id, pn.name AS person_name, f.assigned_by, f.cluster_id, f.not_a_face, "
            + "f.status, f.invalid_reason";
    /** The FROM clause {@link #COLUMNS} is written against. */
    public static final String FROM = "face_crops f LEFT JOIN persons pn ON pn.id = f.person_id";

    private FaceRows() {
    }

    /** Maps the current row of {@code rs}, selected with {@link #COLUMNS} (any order, extra columns ignored). */
    public static Face map(ResultSet rs) throws SQLException {
        return new Face(rs.getLong("id"), rs.getLong("photo_id"), rs.getString("image_path"), rs.getString("crop_path"),
                box(rs), landmarks(rs), rs.getDouble("detection_score"), rs.getString("detector"), quality(rs),
                rs.getString("embedding_model_id") != null, rs.getString("embedding_model_id"), longOrNull(rs, "person_id"),
                rs.getString("person_name"), AssignedBy.fromSql(rs.getString("assigned_by")), longOrNull(rs, "cluster_id"),
                rs.getInt("not_a_face") == 1, FaceStatus.fromSql(rs.getString("status")), rs.getString("invalid_reason"));
    }

    /** @return the stored box, or null when it is degenerate (the integrity check reports such rows) */
    private static BoundingBox box(ResultSet rs) throws SQLException {
        Object x = rs.getObject("x"), y = rs.getObject("y"), w = rs.getObject("w"), h = rs.getObject("h");
        if (!(x instanceof Number nx && y instanceof Number ny && w instanceof Number nw && h instanceof Number nh)) {
            return null;
        }
        try {
            return new BoundingBox(nx.doubleValue(), ny.doubleValue(), nw.doubleValue(), nh.doubleValue());
        } catch (IllegalArgumentException degenerate) {
            return null;
        }
    }

    private static Landmarks landmarks(ResultSet rs) throws SQLException {
        double rex = rs.getDouble("lm_right_eye_x");
        if (rs.wasNull()) {
            return null;
        }
        return Landmarks.of(rex, rs.getDouble("lm_right_eye_y"), rs.getDouble("lm_left_eye_x"), rs.getDouble("lm_left_eye_y"),
                rs.getDouble("lm_nose_x"), rs.getDouble("lm_nose_y"), rs.getDouble("lm_mouth_right_x"),
                rs.getDouble("lm_mouth_right_y"), rs.getDouble("lm_mouth_left_x"), rs.getDouble("lm_mouth_left_y"));
    }

    private static QualityMetrics quality(ResultSet rs) throws SQLException {
        double overall = rs.getDouble("quality");
        if (rs.wasNull()) {
            return null;
        }
        String label = rs.getString("quality_label");
        return new QualityMetrics(nan(rs, "face_size_px"), nan(rs, "sharpness"), nan(rs, "brightness"), nan(rs, "contrast"),
                nan(rs, "frontal_pose"), overall,
                label == null ? QualityLabel.of(overall) : QualityLabel.valueOf(label.toUpperCase(Locale.ROOT)));
    }

    /** Runs {@code ps} (selecting {@link #COLUMNS}) and maps every row, in the statement's order. */
    public static java.util.List<Face> mapAll(java.sql.PreparedStatement ps) throws SQLException {
        java.util.List<Face> out = new java.util.ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    /** @return the column's value, or null when it is NULL */
    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static double nan(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
