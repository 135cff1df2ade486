package app.facet.core.rules;

import java.nio.file.Files;
import java.util.Locale;

/**
 * The rules every {@code face_crops} row must satisfy, each defined ONCE: its stable {@link #code()}, its reason
 * text ({@link #description()}), its Java test ({@link #detail}) and its SQL test ({@link #sqlPredicate()}). The
 * scan's writer refuses a row that breaks one, the post-write flagging and the integrity check report stored rows
 * that break one, the dashboard lists them as invalid, and the catalog's triggers and CHECKs refuse what SQLite can
 * see by itself (V1, V50). {@code FaceRulesAgreementTest} holds all of them to the same verdicts on planted rows.
 * <p>
 * SQL predicates are boolean expressions over {@code face_crops f LEFT JOIN photos p ON p.id = f.photo_id}, with the
 * embedding model's dimension given as an expression (see {@link #sqlPredicate(String)}); null where the rule needs
 * the file system or the embedding's values (Java only). Rules are mutually exclusive where one implies another
 * (a crop path is not also reported as a path mismatch; a degenerate box is not also reported outside the image).
 * Thresholds are properties of any photo, not of a test set: a box may stick out of the image by
 * {@value #BOX_TOLERANCE_PX} px (rounding of detector output after clipping), a side shorter than
 * {@value #MIN_BOX_SIDE_PX} px holds no face, and a float32 embedding written L2-normalised has a norm within
 * {@value #NORM_TOLERANCE} of 1 (float32 rounding over 128..512 components is about 1e-6).
 */
public enum FaceRule {
    /** The face's photo row does not exist (only possible with foreign keys off; also a foreign-key finding). */
    PHOTO_NOT_IN_CATALOG("photo_not_in_catalog", "the face's photo is not in the catalog", "(p.id IS NULL)"),
    /**
     * image_path lies in the managed folder, or differs from the photo's path and is some face's crop_path: the
     * corruption Facet exists to prevent. (An image_path equal to its photo's path outside the managed folder is
     * never a crop: if some crop_path names that file, that crop_path is wrong, see {@link #CROP_PATH_OUTSIDE_MANAGED}.)
     */
    IMAGE_PATH_IS_CROP("image_path_is_crop", "image_path is a face crop, not an original photo",
            "(" + ManagedFolder.sqlContains("f.image_path")
                    + " OR (f.image_path IS NOT p.path AND EXISTS (SELECT 1 FROM face_crops g WHERE g.crop_path = f.image_path)))"),
    /** image_path is not a crop but differs from the path of the face's photo (e.g. a move the catalog did not follow). */
    IMAGE_PATH_NOT_PHOTO_PATH("image_path_not_photo_path", "image_path differs from its photo's path", null),
    /**
     * crop_path is set but outside the managed folder (it may even be an original photo: never delete it). Stored
     * crop paths are relative to the library folder ({@link ManagedFolder#containsStored}).
     */
    CROP_PATH_OUTSIDE_MANAGED("crop_path_outside_managed", "the face crop is outside the managed folder",
            "(f.crop_path IS NOT NULL AND NOT " + ManagedFolder.sqlContainsStored("f.crop_path") + ")"),
    /**
     * crop_path (inside the managed folder) names no file, resolved against the library folder where it is now
     * ({@link ManagedFolder#file}). File system: Java only. A face may have no crop_path.
     */
    CROP_FILE_MISSING("crop_file_missing", "the face crop file does not exist", null),
    /**
     * A coordinate that is not a finite number, or a side shorter than {@link #MIN_BOX_SIDE_PX}. In SQL, text and
     * BLOBs sort above every number and infinities equal +-9e999, so "a finite number" is a range test.
     */
    BOX_DEGENERATE("box_degenerate", "the bounding box is not finite or smaller than 1 px",
            "(NOT (f.x > -9e999 AND f.x < 9e999 AND f.y > -9e999 AND f.y < 9e999"
                    + " AND f.w >= " + FaceRule.MIN_BOX_SIDE_PX + " AND f.w < 9e999 AND f.h >= " + FaceRule.MIN_BOX_SIDE_PX
                    + " AND f.h < 9e999))"),
    /** Box reaches outside the photo (photos.width x height, after EXIF orientation) by more than {@link #BOX_TOLERANCE_PX}. */
    BOX_OUTSIDE_IMAGE("box_outside_image", "the bounding box lies outside the image", null),
    /** detection_score outside [0, 1] (the schema's CHECK refuses it too). */
    DETECTION_SCORE_OUT_OF_RANGE("detection_score_out_of_range", "the detection score is not in [0, 1]",
            "(NOT (f.detection_score >= 0 AND f.detection_score <= 1))"),
    /** embedding_model_id names no row of embedding_models. */
    EMBEDDING_UNKNOWN_MODEL("embedding_unknown_model", "the embedding's model is not registered", null),
    /** Embedding is not a BLOB of exactly 4 x dimension bytes (float32) for its model. */
    EMBEDDING_WRONG_SIZE("embedding_wrong_size", "the embedding's size does not match its model", null),
    /** Decoded embedding has an L2 norm further than {@link #NORM_TOLERANCE} from 1 (or not finite). Java only. */
    EMBEDDING_NOT_NORMALISED("embedding_not_normalised", "the embedding is not L2-normalised", null);

    public static final double BOX_TOLERANCE_PX = 1.0;
    public static final double MIN_BOX_SIDE_PX = 1.0;
    public static final double NORM_TOLERANCE = 1e-3;

    private final String code;
    private final String description;
    private final String sqlPredicate;

    FaceRule(String code, String description, String sqlPredicate) {
        this.code = code;
        this.description = description;
        this.sqlPredicate = sqlPredicate;
    }

    /** @return the stable code, the prefix of {@code invalid_reason} and {@code rejected_writes.reason} */
    public String code() {
        return code;
    }

    /** @return the rule as one sentence for people */
    public String description() {
        return description;
    }

    /** @return whether the Java test needs the file system (skipped when the caller checks rows only) */
    public boolean needsFiles() {
        return this == CROP_FILE_MISSING;
    }

    /** @return the SQL test with the model dimension read through {@code m} ({@code LEFT JOIN embedding_models m}) */
    public String sqlPredicate() {
        return sqlPredicate("m.dimension");
    }

    /**
     * The SQL test over aliases f and p, with the model's dimension given as an SQL expression over {@code f} (NULL
     * for an unknown model): {@code "m.dimension"} with a join, or a CASE built from the few registered models.
     *
     * @return a boolean SQL expression, true for an offending row; null when the rule is Java-only
     */
    public String sqlPredicate(String dimension) {
        // typeof() and length() read the record header only; "embedding IS NOT NULL" would load every BLOB
        return switch (this) {
            // a row without its photo is PHOTO_NOT_IN_CATALOG
            case IMAGE_PATH_NOT_PHOTO_PATH -> "(p.id IS NOT NULL AND f.image_path IS NOT p.path AND NOT "
                    + IMAGE_PATH_IS_CROP.sqlPredicate + ")";
            case BOX_OUTSIDE_IMAGE -> "(NOT " + BOX_DEGENERATE.sqlPredicate
                    + " AND p.width IS NOT NULL AND p.height IS NOT NULL"
                    + " AND (f.x < -" + BOX_TOLERANCE_PX + " OR f.y < -" + BOX_TOLERANCE_PX
                    + " OR f.x + f.w > p.width + " + BOX_TOLERANCE_PX
                    + " OR f.y + f.h > p.height + " + BOX_TOLERANCE_PX + "))";
            case EMBEDDING_UNKNOWN_MODEL -> "(typeof(f.embedding) <> 'null' AND " + dimension + " IS NULL)";
            case EMBEDDING_WRONG_SIZE -> "(typeof(f.embedding) <> 'null' AND " + dimension + " IS NOT NULL"
                    + " AND (typeof(f.embedding) <> 'blob' OR length(f.embedding) <> 4 * " + dimension + "))";
            default -> sqlPredicate;
        };
    }

    /**
     * Every rule with an SQL test, OR-ed: true for a row that SQL alone can see breaks some rule.
     *
     * @param dimension the model's dimension as an SQL expression over {@code f} (see {@link #sqlPredicate(String)})
     */
    public static String sqlAnyViolation(String dimension) {
        StringBuilder sb = new StringBuilder("(");
        for (FaceRule rule : values()) {
            String predicate = rule.sqlPredicate(dimension);
            if (predicate != null) {
                sb.append(sb.length() > 1 ? " OR " : "").append(predicate);
            }
        }
        return sb.append(")").toString();
    }

    /**
     * The Java test.
     *
     * @param managed        the library's managed folder
     * @param isSomeCropPath whether a path is the crop_path of any face row
     * @return what is wrong with the row, or null when it keeps this rule
     */
    public String detail(FaceRowFacts f, ManagedFolder managed, java.util.function.Predicate<String> isSomeCropPath) {
        return switch (this) {
            case PHOTO_NOT_IN_CATALOG -> f.photoPath() == null ? "no photo row for this face" : null;
            case IMAGE_PATH_IS_CROP -> isCrop(f, managed, isSomeCropPath) ? "image_path " + f.imagePath() + " is a face crop" : null;
            case IMAGE_PATH_NOT_PHOTO_PATH -> f.photoPath() != null && !f.photoPath().equals(f.imagePath())
                    && !isCrop(f, managed, isSomeCropPath)
                    ? "image_path " + f.imagePath() + " differs from photo path " + f.photoPath() : null;
            case CROP_PATH_OUTSIDE_MANAGED -> f.cropPath() != null && !managed.containsStored(f.cropPath())
                    ? "crop_path " + f.cropPath() + " is outside " + managed.prefix() : null;
            case CROP_FILE_MISSING -> managed.containsStored(f.cropPath()) && !Files.isRegularFile(managed.file(f.cropPath()))
                    ? "crop file " + managed.file(f.cropPath()) + " does not exist" : null;
            case BOX_DEGENERATE -> isDegenerate(f.x(), f.y(), f.w(), f.h()) ? "box " + box(f) : null;
            case BOX_OUTSIDE_IMAGE -> !isDegenerate(f.x(), f.y(), f.w(), f.h()) && f.photoWidth() != null && f.photoHeight() != null
                    && isOutside(f.x(), f.y(), f.w(), f.h(), f.photoWidth(), f.photoHeight())
                    ? "box " + box(f) + " outside " + f.photoWidth() + "x" + f.photoHeight() : null;
            case DETECTION_SCORE_OUT_OF_RANGE -> f.detectionScore() >= 0 && f.detectionScore() <= 1 ? null
                    : "detection score " + f.detectionScore();
            case EMBEDDING_UNKNOWN_MODEL -> f.embeddingBytes() != null && f.modelDimension() == null
                    ? "embedding model " + f.embeddingModelId() + " is not registered" : null;
            case EMBEDDING_WRONG_SIZE -> f.embeddingBytes() != null && f.modelDimension() != null
                    && f.embeddingBytes() != 4 * f.modelDimension()
                    ? bytes(f.embeddingBytes()) + ", model " + f.embeddingModelId() + " needs " + 4 * f.modelDimension() + " bytes" : null;
            case EMBEDDING_NOT_NORMALISED -> notNormalised(f);
        };
    }

    /** @return {@code "<code>: <detail>"}, the stored form of a violation of this rule */
    public String invalidReason(String detail) {
        return code + ": " + detail;
    }

    private static boolean isCrop(FaceRowFacts f, ManagedFolder managed, java.util.function.Predicate<String> isSomeCropPath) {
        return managed.contains(f.imagePath()) || (!f.imagePath().equals(f.photoPath()) && isSomeCropPath.test(f.imagePath()));
    }

    private static String notNormalised(FaceRowFacts f) {
        if (f.embedding() == null || f.modelDimension() == null || f.embedding().length != f.modelDimension()) {
            return null; // no embedding, or already a size/model violation
        }
        return normalisationProblem(f.embedding());
    }

    /**
     * The Java test of {@link #EMBEDDING_NOT_NORMALISED} on a decoded embedding of the right size.
     *
     * @param embedding float[dimension], expected L2-normalised
     * @return what is wrong ("L2 norm 2.000000"), or null when the norm is within {@link #NORM_TOLERANCE} of 1
     */
    public static String normalisationProblem(float[] embedding) {
        double norm = FaceRowRules.norm(embedding);
        return FaceRowRules.isNormalised(norm) ? null : "L2 norm " + String.format(Locale.ROOT, "%.6f", norm);
    }

    /** @return true for a box with a non-finite value or a side shorter than {@link #MIN_BOX_SIDE_PX} */
    public static boolean isDegenerate(double x, double y, double w, double h) {
        return !Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(w) || !Double.isFinite(h)
                || w < MIN_BOX_SIDE_PX || h < MIN_BOX_SIDE_PX;
    }

    /** @return true when the box sticks out of a {@code width x height} image by more than {@link #BOX_TOLERANCE_PX} */
    public static boolean isOutside(double x, double y, double w, double h, int width, int height) {
        return x < -BOX_TOLERANCE_PX || y < -BOX_TOLERANCE_PX
                || x + w > width + BOX_TOLERANCE_PX || y + h > height + BOX_TOLERANCE_PX;
    }

    private static String bytes(int n) {
        return n == FaceRowFacts.NOT_A_BLOB ? "not a BLOB" : n + " bytes";
    }

    private static String box(FaceRowFacts f) {
        return f.x() + "," + f.y() + " " + f.w() + "x" + f.h();
    }
}
