package app.facet.core.validation;

import app.facet.core.catalog.Embeddings;
import app.facet.model.Landmarks;
import app.facet.model.QualityMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The only way face rows are inserted: every row is checked against {@link FaceRowRules} first. A refused row is
 * never silent: it is logged ({@code event=face_crop_rejected}), recorded in {@code rejected_writes}, counted by
 * the caller, and its crop file is removed so it leaves nothing behind. The database triggers stay as a second
 * line of defence for writes that bypass this class.
 */
public final class FaceCropWriter {
    private static final Logger log = LoggerFactory.getLogger(FaceCropWriter.class);

    private static final String INSERT = "INSERT INTO face_crops (photo_id, image_path, crop_path, x, y, w, h, "
            + "lm_right_eye_x, lm_right_eye_y, lm_left_eye_x, lm_left_eye_y, lm_nose_x, lm_nose_y, "
            + "lm_mouth_right_x, lm_mouth_right_y, lm_mouth_left_x, lm_mouth_left_y, detection_score, detector, "
            + "face_size_px, sharpness, brightness, contrast, frontal_pose, quality, quality_label, "
            + "embedding, embedding_model_id, person_id, assigned_by) "
            + "VALUES (?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?, ?,?, ?,?,?,?,?,?,?, ?,?,?,?)";

    private final FaceRowRules rules;
    private final Path cropsDir;

    public FaceCropWriter(FaceRowRules rules, Path cropsDir) {
        this.rules = rules;
        this.cropsDir = cropsDir.toAbsolutePath().normalize();
    }

    /**
     * Validates and inserts one face row on {@code c} (the caller owns the transaction).
     *
     * @param scanRunId run to charge a rejection to, or null outside a scan
     * @return the new face id, or empty when the row was rejected
     * @throws SQLException on a database error (the caller rolls back)
     */
    public OptionalLong insert(Connection c, NewFaceCrop f, Long scanRunId) throws SQLException {
        List<String> violations = rules.violations(facts(c, f), knownCrop(c, f.imagePath()), true);
        if (!violations.isEmpty()) {
            reject(c, f, scanRunId, String.join("; ", violations));
            return OptionalLong.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT, java.sql.Statement.RETURN_GENERATED_KEYS)) {
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
            setDouble(ps, i++, q == null || Double.isNaN(q.frontalPose()) ? null : q.frontalPose());
            setDouble(ps, i++, q == null ? null : q.overall());
            ps.setString(i++, q == null ? null : q.label().name().toLowerCase(java.util.Locale.ROOT));
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
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return OptionalLong.of(keys.getLong(1));
            }
        }
    }

    private FaceRowFacts facts(Connection c, NewFaceCrop f) throws SQLException {
        String photoPath = null;
        Integer width = null, height = null, dim = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT path, width, height FROM photos WHERE id = ?")) {
            ps.setLong(1, f.photoId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    photoPath = rs.getString(1);
                    width = (Integer) rs.getObject(2);
                    height = (Integer) rs.getObject(3);
                }
            }
        }
        if (f.embeddingModelId() != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT dimension FROM embedding_models WHERE id = ?")) {
                ps.setString(1, f.embeddingModelId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        dim = rs.getInt(1);
                    }
                }
            }
        }
        return FaceRowFacts.of(f.imagePath(), photoPath, width, height, f.cropPath(), f.box(), f.detectionScore(),
                f.embedding(), f.embeddingModelId(), dim);
    }

    private static Set<String> knownCrop(Connection c, String imagePath) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM face_crops WHERE crop_path = ? LIMIT 1")) {
            ps.setString(1, imagePath);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Set.of(imagePath) : Set.of();
            }
        }
    }

    private void reject(Connection c, NewFaceCrop f, Long scanRunId, String reason) throws SQLException {
        log.warn("event=face_crop_rejected reason=\"{}\" photo_id={} image_path=\"{}\" crop_path=\"{}\"",
                reason, f.photoId(), f.imagePath(), f.cropPath());
        try (PreparedStatement ps = c.prepareStatement(
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
        }
        deleteOwnCrop(f.cropPath());
    }

    private void deleteOwnCrop(String cropPath) {
        if (cropPath == null) {
            return;
        }
        Path p = Path.of(cropPath).toAbsolutePath().normalize();
        // Only ever delete inside our crops folder: a bad row must never make us delete a user's photo.
        if (p.startsWith(cropsDir)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                log.warn("event=crop_delete_failed path=\"{}\" error=\"{}\"", p, e.getMessage());
            }
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null || !Double.isFinite(v)) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }
}
