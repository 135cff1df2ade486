package app.facet.core.catalog;

import app.facet.core.rules.FaceRule;
import app.facet.core.rules.ManagedFolder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The integrity check's two passes over every face, each ONE scan: the face-row rules with SQL predicates
 * ({@link FaceRule}: paths, embeddings, detection score) over {@code face_crops}, and the boxes over the small covering
 * index {@code face_crops_geometry}. Only offending rows (rule pass) or a few numbers per face (box pass) leave
 * SQLite. Throws {@link CatalogException} with the database's own message on a database error.
 */
public final class IntegrityCheckFaceScans {
    /**
     * Few, numeric columns: this pass reads every face, and each column costs a JNI call per row. Column 7 judges the
     * box rules in SQL: 1 degenerate, 2 outside the photo, 0 fine.
     */
    private static final String GEOMETRY = "SELECT f.id, f.photo_id, f.x, f.y, f.w, f.h,"
            + " CASE WHEN " + FaceRule.BOX_DEGENERATE.sqlPredicate() + " THEN 1 WHEN " + FaceRule.BOX_OUTSIDE_IMAGE.sqlPredicate() + " THEN 2 ELSE 0 END"
            // the full index order makes the planner read the covering index, not the face table
            + " FROM face_crops f LEFT JOIN photos p ON p.id = f.photo_id ORDER BY f.photo_id, f.x, f.y, f.w, f.h";

    /**
     * A face row that breaks at least one rule of the rule pass (or is flagged invalid), with each rule's verdict.
     *
     * @param photoId   face_crops.photo_id (0 when null)
     * @param photoPath the photo's path, null when the photo row is missing
     * @param dimension the registered dimension of the row's embedding model, null when the model is not registered
     * @param embeddingType SQLite's typeof(embedding)
     * @param embeddingBytes length(embedding), 0 when null
     */
    public record FaceRuleRow(long id, long photoId, String imagePath, String cropPath, String photoPath, String embeddingModelId,
                              String embeddingType, long embeddingBytes, double detectionScore, Long dimension, String status,
                              String invalidReason, boolean imagePathIsCrop, boolean imagePathMismatch, boolean cropOutsideManaged,
                              boolean badEmbedding, boolean badScore) {
    }

    /** What the box pass judged of a box. */
    public enum BoxVerdict { FINE, DEGENERATE, OUTSIDE_IMAGE }

    /**
     * One face's box as stored, in original-image pixels.
     *
     * @param text "x,y wxh" as stored (for a finding), null for a fine box
     * @param x    left edge; x, y, w and h are 0 for a degenerate box (they may not be numbers)
     */
    public record BoxRow(long id, long photoId, double x, double y, double w, double h, String text, BoxVerdict verdict) {
    }

    private IntegrityCheckFaceScans() {
    }

    /**
     * Streams every face that breaks a rule of {@link FaceRule#IMAGE_PATH_IS_CROP}, {@link FaceRule#IMAGE_PATH_NOT_PHOTO_PATH},
     * {@link FaceRule#CROP_PATH_OUTSIDE_MANAGED}, the two embedding-size rules or {@link FaceRule#DETECTION_SCORE_OUT_OF_RANGE},
     * or whose status is 'invalid', in face id order, in one scan of {@code face_crops}.
     */
    public static void faceRuleRows(Tx tx, Consumer<FaceRuleRow> sink) {
        List<Object> params = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement(faceRuleSql(EmbeddingDimensionCase.sql(tx.connection(), params)))) {
            EmbeddingDimensionCase.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(faceRuleRow(rs));
                }
            }
        } catch (SQLException e) {
            throw IntegrityCheckStore.Jdbc.failed(e);
        }
    }

    private static FaceRuleRow faceRuleRow(ResultSet rs) throws SQLException {
        long dimension = rs.getLong("dimension");
        Long knownDimension = rs.wasNull() ? null : dimension;
        return new FaceRuleRow(rs.getLong("id"), rs.getLong("photo_id"), rs.getString("image_path"), rs.getString("crop_path"),
                rs.getString("photo_path"), rs.getString("embedding_model_id"), rs.getString("emb_type"), rs.getLong("emb_len"),
                rs.getDouble("detection_score"), knownDimension, rs.getString("status"), rs.getString("invalid_reason"),
                rs.getBoolean("is_crop"), rs.getBoolean("mismatch"), rs.getBoolean("crop_outside"), rs.getBoolean("bad_embedding"),
                rs.getBoolean("bad_score"));
    }

    /**
     * The exact rules ({@link FaceRule} predicates) are evaluated only for rows that pass a cheap superset filter: on a
     * healthy catalog no row passes, and the filter costs half of evaluating every rule on every row. Each rule implies
     * the filter: a crop or stale image_path is inside the managed folder or differs from the photo's path; a crop path
     * outside the folder is one; a bad embedding has the wrong length for its model (or none known) or is not a BLOB.
     */
    private static String faceRuleSql(String dimension) {
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
                + " OR NOT " + ManagedFolder.sqlContainsStored("f.crop_path")
                + " OR length(f.embedding) IS NOT 4 * (" + dimension + ") OR typeof(f.embedding) NOT IN ('null', 'blob')"
                + " OR " + FaceRule.DETECTION_SCORE_OUT_OF_RANGE.sqlPredicate() + " OR f.status = 'invalid' ORDER BY f.id";
    }

    /**
     * Streams every face's box with the box rules' verdict ({@link FaceRule#BOX_DEGENERATE}, then
     * {@link FaceRule#BOX_OUTSIDE_IMAGE}), grouped by photo (photo id order, then box order), in one pass over the
     * covering index.
     */
    public static void boxes(Tx tx, Consumer<BoxRow> sink) {
        try (PreparedStatement ps = tx.connection().prepareStatement(GEOMETRY); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int verdict = rs.getInt(7);
                long id = rs.getLong(1);
                long photoId = rs.getLong(2);
                if (verdict == 1) {
                    sink.accept(new BoxRow(id, photoId, 0, 0, 0, 0, text(rs), BoxVerdict.DEGENERATE));
                } else {
                    sink.accept(new BoxRow(id, photoId, rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                            verdict == 2 ? text(rs) : null, verdict == 2 ? BoxVerdict.OUTSIDE_IMAGE : BoxVerdict.FINE));
                }
            }
        } catch (SQLException e) {
            throw IntegrityCheckStore.Jdbc.failed(e);
        }
    }

    private static String text(ResultSet rs) throws SQLException {
        return rs.getString(3) + "," + rs.getString(4) + " " + rs.getString(5) + "x" + rs.getString(6);
    }
}
