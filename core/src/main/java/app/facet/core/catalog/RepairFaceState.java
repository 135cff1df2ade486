package app.facet.core.catalog;

import app.facet.core.rules.FaceRule;
import app.facet.core.rules.FaceRowFacts;

import app.facet.model.BoundingBox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A face row as the integrity repair sees it: what the plan was made from, compared again just before the change.
 * Loaded by {@link RepairFaceStore#face}; raw stored values, so a corrupt row is described as it is.
 *
 * @param x, y, w, h      stored box values (NaN when not a number)
 * @param photoPath       path of the photo row, null when that row does not exist
 * @param photoWidth      photos.width, null when unknown
 * @param modelDimension  dimension of the embedding's model, null when unknown or no embedding
 */
public record RepairFaceState(long id, long photoId, String imagePath, String cropPath, double x, double y, double w, double h,
                 double detectionScore, byte[] embedding, String embeddingModelId, Long personId, String assignedBy,
                 boolean notAFace, String photoPath, Integer photoWidth, Integer photoHeight, Integer modelDimension) {

    static final String SQL = "SELECT f.id, f.photo_id, f.image_path, f.crop_path, f.x, f.y, f.w, f.h, f.detection_score,"
            + " f.embedding, f.embedding_model_id, f.person_id, f.assigned_by, f.not_a_face, p.path, p.width, p.height, m.dimension"
            + " FROM face_crops f LEFT JOIN photos p ON p.id = f.photo_id LEFT JOIN embedding_models m ON m.id = f.embedding_model_id"
            + " WHERE f.id = ?";

    /** Maps the current row of a result of {@link #SQL}. */
    static RepairFaceState map(ResultSet rs) throws SQLException {
        return new RepairFaceState(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                number(rs.getObject(5)), number(rs.getObject(6)),
                number(rs.getObject(7)), number(rs.getObject(8)),
                rs.getDouble(9), rs.getBytes(10), rs.getString(11), nullableLong(rs, 12), rs.getString(13),
                rs.getInt(14) == 1, rs.getString(15), nullableInt(rs, 16), nullableInt(rs, 17), nullableInt(rs, 18));
    }

    /** @return the facts the face rules judge */
    public FaceRowFacts facts() {
        Integer bytes = embedding == null ? null : embedding.length;
        float[] decoded = embedding == null || embedding.length % 4 != 0 ? null : Embeddings.fromBytes(embedding);
        return new FaceRowFacts(imagePath, photoPath, cropPath, x, y, w, h, photoWidth, photoHeight, detectionScore,
                bytes, decoded, embeddingModelId, modelDimension);
    }

    /** @return the box, or null when the stored values are degenerate */
    public BoundingBox box() {
        return FaceRule.isDegenerate(x, y, w, h) ? null : new BoundingBox(x, y, w, h);
    }

    public boolean isUserDecision() {
        return "user".equals(assignedBy) || notAFace;
    }

    /** The groups of columns a repair action depends on: another action of the same repair may change the others. */
    public enum Aspect { IMAGE_PATH, CROP, BOX, EMBEDDING, ASSIGNMENT }

    /** @return true when the columns of every given aspect are as in {@code other} */
    public boolean sameAs(RepairFaceState other, Aspect... aspects) {
        for (Aspect a : aspects) {
            boolean same = switch (a) {
                case IMAGE_PATH -> photoId == other.photoId && Objects.equals(imagePath, other.imagePath)
                        && Objects.equals(photoPath, other.photoPath);
                case CROP -> Objects.equals(cropPath, other.cropPath);
                case BOX -> same(x, other.x) && same(y, other.y) && same(w, other.w) && same(h, other.h)
                        && Objects.equals(photoWidth, other.photoWidth) && Objects.equals(photoHeight, other.photoHeight);
                case EMBEDDING -> Arrays.equals(embedding, other.embedding) && Objects.equals(embeddingModelId, other.embeddingModelId);
                case ASSIGNMENT -> Objects.equals(personId, other.personId) && Objects.equals(assignedBy, other.assignedBy)
                        && notAFace == other.notAFace;
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    /** A stored coordinate as a number; NaN for anything that is not one (text or a BLOB written by a raw SQL session). */
    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    public String boxText() {
        return x + "," + y + " " + w + "x" + h;
    }
}
