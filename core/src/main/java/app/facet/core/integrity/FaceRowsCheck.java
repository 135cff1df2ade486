package app.facet.core.integrity;

import app.facet.core.rules.FaceRule;
import app.facet.core.rules.ManagedFolder;
import app.facet.core.catalog.Embeddings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static app.facet.core.integrity.CheckMode.QUICK;
import static app.facet.core.integrity.Severity.ERROR;
import static app.facet.core.integrity.Severity.INFO;

/**
 * The per-row face rules that have SQL predicates ({@link FaceRule}: paths and embeddings) in ONE scan of
 * {@code face_crops}: the table's rows carry the embeddings, so each extra scan would cost as much as all the rules
 * together. Only offending rows leave SQLite. Boxes are judged by {@link FaceGeometryCheck}.
 */
final class FaceRowsCheck implements IntegrityCheck {
    static final CheckInfo IMAGE_PATH_IS_CROP = new CheckInfo(CheckNames.FACE_IMAGE_PATH_IS_CROP,
            "Faces pointing at a face crop instead of their photo", ERROR, QUICK,
            "Repair re-points each face to its original photo (through photo_id, the crop's file name or content hash); "
                    + "faces whose original cannot be found are removed and kept in integrity_removed_rows.", true);
    static final CheckInfo IMAGE_PATH_MISMATCH = new CheckInfo(CheckNames.FACE_IMAGE_PATH_MISMATCH,
            "Faces whose image path differs from their photo's path", ERROR, QUICK, "Repair sets image_path to the photo's path.", true);
    static final CheckInfo CROP_PATH_OUTSIDE = new CheckInfo(CheckNames.CROP_PATH_OUTSIDE_MANAGED, "Face crops outside the managed folder",
            ERROR, QUICK, "Repair cuts a new crop into the managed folder from the original photo (the file outside is never deleted).", true);
    static final CheckInfo EMBEDDING = new CheckInfo(CheckNames.EMBEDDING_WRONG_SIZE_OR_MODEL, "Embeddings of the wrong size or an unknown model",
            ERROR, QUICK, "Repair drops these embeddings (the face and its person stay); the next scan computes them again.", true);
    static final CheckInfo SCORE_OUT_OF_RANGE = new CheckInfo(CheckNames.DETECTION_SCORE_OUT_OF_RANGE,
            "Faces whose detection score is not in [0, 1]", ERROR, QUICK,
            "Re-detect the photo (Faces → Detect Faces); the schema refuses such scores, so only a write that bypassed it stores one.", false);
    static final CheckInfo FLAGGED_INVALID = new CheckInfo(CheckNames.FACES_FLAGGED_INVALID, "Faces flagged invalid by the scan's validator",
            INFO, QUICK, "Nothing to do: these faces are kept, shown with their reason and left out of recognition.", false);

    /**
     * The exact rules ({@link FaceRule} predicates) are evaluated only for rows that pass a cheap superset filter: on a
     * healthy catalog no row passes, and the filter costs half of evaluating every rule on every row. Each rule implies
     * the filter: a crop or stale image_path is inside the managed folder or differs from the photo's path; a crop path
     * outside the folder is one; a bad embedding has the wrong length for its model (or none known) or is not a BLOB.
     */
    static String sql(String dimension) {
        String managed = ManagedFolder.SQL_PREFIX;
        return "SELECT f.id, f.photo_id, f.image_path, f.crop_path,"
                + " p.path AS photo_path, f.embedding_model_id, typeof(f.embedding) AS emb_type,"
                + " length(f.embedding) AS emb_len, f.detection_score, " + dimension + " AS dimension, f.status, f.invalid_reason,"
                + " " + FaceRule.IMAGE_PATH_IS_CROP.sqlPredicate() + " AS is_crop,"
                + " " + FaceRule.IMAGE_PATH_NOT_PHOTO_PATH.sqlPredicate() + " AS mismatch,"
                + " " + FaceRule.CROP_PATH_OUTSIDE_MANAGED.sqlPredicate() + " AS crop_outside,"
                + " (" + FaceRule.EMBEDDING_UNKNOWN_MODEL.sqlPredicate(dimension) + " OR " + FaceRule.EMBEDDING_WRONG_SIZE.sqlPredicate(dimension)
                + ") AS bad_embedding,"
                + " " + FaceRule.DETECTION_SCORE_OUT_OF_RANGE.sqlPredicate() + " AS bad_score"
                + " FROM face_crops f LEFT JOIN photos p ON p.id = f.photo_id"
                + " WHERE f.image_path IS NOT p.path OR substr(f.image_path, 1, length(" + managed + ")) = " + managed
                + " OR substr(f.crop_path, 1, length(" + managed + ")) <> " + managed
                + " OR length(f.embedding) IS NOT 4 * (" + dimension + ") OR typeof(f.embedding) NOT IN ('null', 'blob')"
                + " OR " + FaceRule.DETECTION_SCORE_OUT_OF_RANGE.sqlPredicate() + " OR f.status = 'invalid' ORDER BY f.id";
    }

    /** {@code CASE f.embedding_model_id WHEN 'a' THEN 128 ... END}: the registered models' dimensions, NULL for any other id. */
    private static String dimensionCase(java.sql.Connection c) throws SQLException {
        StringBuilder sb = new StringBuilder("CASE f.embedding_model_id");
        boolean any = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, dimension FROM embedding_models"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sb.append(" WHEN '").append(rs.getString(1).replace("'", "''")).append("' THEN ").append(rs.getLong(2));
                any = true;
            }
        }
        // no model registered yet (a new library): a CASE without WHEN is a syntax error
        return any ? sb.append(" ELSE NULL END").toString() : "NULL";
    }

    @Override
    public List<CheckInfo> infos() {
        return List.of(IMAGE_PATH_IS_CROP, IMAGE_PATH_MISMATCH, CROP_PATH_OUTSIDE, EMBEDDING, SCORE_OUT_OF_RANGE, FLAGGED_INVALID);
    }

    @Override
    public void run(CheckContext ctx, Map<String, Findings> findings) throws SQLException {
        try (PreparedStatement ps = ctx.connection().prepareStatement(sql(dimensionCase(ctx.connection()))); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                String imagePath = rs.getString("image_path");
                if (rs.getBoolean("is_crop")) {
                    findings.get(CheckNames.FACE_IMAGE_PATH_IS_CROP).add(Subject.FACE, id, imagePath,
                            "image_path is a face crop; photo " + rs.getLong("photo_id") + " is " + orMissing(rs.getString("photo_path")));
                }
                if (rs.getBoolean("mismatch")) {
                    findings.get(CheckNames.FACE_IMAGE_PATH_MISMATCH).add(Subject.FACE, id, imagePath,
                            "photo " + rs.getLong("photo_id") + " is at " + rs.getString("photo_path"));
                }
                if (rs.getBoolean("crop_outside")) {
                    findings.get(CheckNames.CROP_PATH_OUTSIDE_MANAGED).add(Subject.FACE, id, rs.getString("crop_path"),
                            "crop_path is outside the managed folder");
                }
                if (rs.getBoolean("bad_embedding")) {
                    long dimension = rs.getLong("dimension");
                    findings.get(CheckNames.EMBEDDING_WRONG_SIZE_OR_MODEL).add(Subject.FACE, id, imagePath, rs.wasNull()
                            ? "embedding model " + rs.getString("embedding_model_id") + " is not registered"
                            : rs.getString("emb_type") + " of " + rs.getLong("emb_len") + " bytes, model " + rs.getString("embedding_model_id")
                            + " needs " + 4 * dimension);
                }
                if (rs.getBoolean("bad_score")) {
                    findings.get(CheckNames.DETECTION_SCORE_OUT_OF_RANGE).add(Subject.FACE, id, imagePath,
                            "detection score " + rs.getDouble("detection_score"));
                }
                if ("invalid".equals(rs.getString("status"))) {
                    findings.get(CheckNames.FACES_FLAGGED_INVALID).add(Subject.FACE, id, imagePath, rs.getString("invalid_reason"));
                }
            }
        }
        ctx.progress().advance(1);
    }

    private static String orMissing(String path) {
        return path == null ? "missing" : path;
    }
}
