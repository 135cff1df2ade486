package app.facet.core.validation;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.Embeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@link FaceRowRules} to the rows already stored: a row that breaks a rule is flagged
 * {@code status='invalid'} with the reason (shown by the dashboard and the integrity check, never hidden or
 * deleted here); a flagged row that satisfies the rules again (its photo came back) is marked valid.
 * A missing photo file also makes its faces invalid ({@code photo_file_missing}).
 */
public final class FaceRowRevalidator {
    private static final Logger log = LoggerFactory.getLogger(FaceRowRevalidator.class);

    private final Catalog catalog;
    private final FaceRowRules rules;

    public FaceRowRevalidator(Catalog catalog) {
        this.catalog = catalog;
        this.rules = new FaceRowRules(catalog.location().managedDir(), catalog.location().cropsDir());
    }

    /** Counts of one pass. */
    public record Result(long checked, long flaggedInvalid, long restoredValid) {
    }

    /** @throws CatalogException on a database error (nothing is half-updated: one transaction) */
    public Result run() {
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            Set<String> cropPaths = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT crop_path FROM face_crops WHERE crop_path IS NOT NULL")) {
                while (rs.next()) {
                    cropPaths.add(rs.getString(1));
                }
            }
            long checked = 0, flagged = 0, restored = 0;
            String sql = "SELECT fc.id, fc.image_path, fc.crop_path, fc.x, fc.y, fc.w, fc.h, fc.detection_score, fc.embedding, "
                    + "fc.embedding_model_id, em.dimension, p.path, p.width, p.height, p.missing_since, fc.status, fc.invalid_reason "
                    + "FROM face_crops fc LEFT JOIN photos p ON p.id = fc.photo_id LEFT JOIN embedding_models em ON em.id = fc.embedding_model_id";
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql);
                 PreparedStatement invalid = c.prepareStatement("UPDATE face_crops SET status = 'invalid', invalid_reason = ? WHERE id = ?");
                 PreparedStatement valid = c.prepareStatement("UPDATE face_crops SET status = 'valid', invalid_reason = NULL WHERE id = ?")) {
                while (rs.next()) {
                    checked++;
                    byte[] blob = rs.getBytes(9);
                    float[] embedding = blob == null ? null : blob.length % 4 == 0 ? Embeddings.fromBytes(blob) : new float[0];
                    FaceRowFacts facts = new FaceRowFacts(rs.getString(2), rs.getString(12), (Integer) rs.getObject(13),
                            (Integer) rs.getObject(14), rs.getString(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                            rs.getDouble(7), rs.getDouble(8), embedding, rs.getString(10), (Integer) rs.getObject(11));
                    List<String> violations = rules.violations(facts, cropPaths, true);
                    if (rs.getString(15) != null) {
                        violations = new java.util.ArrayList<>(violations);
                        violations.add("photo_file_missing: the photo " + rs.getString(12) + " is no longer on disk");
                    }
                    long id = rs.getLong(1);
                    String reason = String.join("; ", violations);
                    boolean isInvalid = "invalid".equals(rs.getString(16));
                    if (!violations.isEmpty() && !reason.equals(rs.getString(17))) {
                        invalid.setString(1, reason);
                        invalid.setLong(2, id);
                        invalid.executeUpdate();
                        if (!isInvalid) {
                            flagged++;
                            log.warn("event=face_crop_flagged_invalid face_id={} reason=\"{}\"", id, reason);
                        }
                    } else if (violations.isEmpty() && isInvalid) {
                        valid.setLong(1, id);
                        valid.executeUpdate();
                        restored++;
                        log.info("event=face_crop_valid_again face_id={}", id);
                    }
                }
            }
            c.commit();
            return new Result(checked, flagged, restored);
        } catch (SQLException e) {
            throw new CatalogException("Cannot re-validate stored faces: " + e.getMessage(), e);
        }
    }
}
