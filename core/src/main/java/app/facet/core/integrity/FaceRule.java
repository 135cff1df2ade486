package app.facet.core.integrity;

/**
 * The rules every stored face row must satisfy: one rule set shared by the integrity check (which
 * reports existing rows), the repair (which fixes them) and the scan's write validator (which refuses
 * new rows). {@link #code()} is stable and is the prefix of {@code face_crops.invalid_reason} when a row
 * is flagged invalid for this rule ({@code "box_outside_image: ..."}).
 * <p>
 * {@link #sqlPredicate()} is the same rule as SQL over {@code face_crops f LEFT JOIN photos p ON p.id = f.photo_id
 * LEFT JOIN embedding_models m ON m.id = f.embedding_model_id}; null when the rule needs the file system or
 * decoding (checked in Java only) or when the schema itself enforces it. {@link FaceRowRules} is the Java side;
 * a test holds the two sides to the same verdicts.
 */
public enum FaceRule {
    /**
     * image_path lies in the managed folder, or differs from the photo's path and is some face's crop_path: the
     * corruption Facet exists to prevent. (An image_path equal to its photo's path outside the managed folder is
     * never a crop: if some crop_path names that file, that crop_path is wrong, see {@link #CROP_PATH_OUTSIDE_MANAGED}.)
     */
    IMAGE_PATH_IS_CROP("image_path_is_crop",
            "(substr(f.image_path, 1, length(" + Sql.MANAGED_DIR + ")) = " + Sql.MANAGED_DIR
                    + " OR (f.image_path IS NOT p.path AND EXISTS (SELECT 1 FROM face_crops g WHERE g.crop_path = f.image_path)))"),
    /** image_path is not a crop but differs from the path of the face's photo (e.g. a move the catalog did not follow). */
    IMAGE_PATH_NOT_PHOTO_PATH("image_path_not_photo_path", null),
    /** crop_path is set but outside the managed folder (it may even be an original photo: never delete it). */
    CROP_PATH_OUTSIDE_MANAGED("crop_path_outside_managed",
            "(f.crop_path IS NOT NULL AND substr(f.crop_path, 1, length(" + Sql.MANAGED_DIR + ")) IS NOT " + Sql.MANAGED_DIR + ")"),
    /** crop_path names a file that does not exist. File system: Java only. */
    CROP_FILE_MISSING("crop_file_missing", null),
    /**
     * A coordinate that is not a finite number, or a side shorter than {@link FaceRowRules#MIN_BOX_SIDE_PX}. In SQL, text
     * and BLOBs sort above every number and infinities equal +-9e999, so "a finite number" is a range test.
     */
    BOX_DEGENERATE("box_degenerate",
            "(NOT (f.x > -9e999 AND f.x < 9e999 AND f.y > -9e999 AND f.y < 9e999"
                    + " AND f.w >= " + FaceRowRules.MIN_BOX_SIDE_PX + " AND f.w < 9e999 AND f.h >= " + FaceRowRules.MIN_BOX_SIDE_PX + " AND f.h < 9e999))"),
    /** Box reaches outside the photo (photos.width x height, after EXIF orientation) by more than {@link FaceRowRules#BOX_TOLERANCE_PX}. */
    BOX_OUTSIDE_IMAGE("box_outside_image", null),
    /** detection_score outside [0, 1]; the schema's CHECK enforces it too, so no SQL check is needed. */
    DETECTION_SCORE_OUT_OF_RANGE("detection_score_out_of_range", null),
    /** embedding_model_id names no row of embedding_models. */
    EMBEDDING_UNKNOWN_MODEL("embedding_unknown_model", null),
    /** Embedding is not a BLOB of exactly 4 x dimension bytes (float32) for its model. */
    EMBEDDING_WRONG_SIZE("embedding_wrong_size", null),
    /** Decoded embedding (float32 little-endian) has an L2 norm further than {@link FaceRowRules#NORM_TOLERANCE} from 1. Java only. */
    EMBEDDING_NOT_NORMALISED("embedding_not_normalised", null);

    private final String code;
    private final String sqlPredicate;

    FaceRule(String code, String sqlPredicate) {
        this.code = code;
        this.sqlPredicate = sqlPredicate;
    }

    public String code() {
        return code;
    }

    /** @return the rule as a SQL boolean expression over aliases f, p, m (see class doc); null when Java-only or schema-enforced */
    public String sqlPredicate() {
        return switch (this) {
            // Mutually exclusive with IMAGE_PATH_IS_CROP so one bad row is counted once; a row without its
            // photo is a foreign key violation, reported by that check.
            case IMAGE_PATH_NOT_PHOTO_PATH -> "(p.id IS NOT NULL AND f.image_path IS NOT p.path AND NOT "
                    + IMAGE_PATH_IS_CROP.sqlPredicate + ")";
            case BOX_OUTSIDE_IMAGE -> "(NOT " + BOX_DEGENERATE.sqlPredicate
                    + " AND p.width IS NOT NULL AND p.height IS NOT NULL"
                    + " AND (f.x < -" + FaceRowRules.BOX_TOLERANCE_PX + " OR f.y < -" + FaceRowRules.BOX_TOLERANCE_PX
                    + " OR f.x + f.w > p.width + " + FaceRowRules.BOX_TOLERANCE_PX
                    + " OR f.y + f.h > p.height + " + FaceRowRules.BOX_TOLERANCE_PX + "))";
            case EMBEDDING_UNKNOWN_MODEL, EMBEDDING_WRONG_SIZE -> sqlPredicate("m.dimension");
            default -> sqlPredicate;
        };
    }

    /**
     * The embedding rules with the model's dimension given as an SQL expression over {@code f} (NULL for an unknown
     * model): {@code "m.dimension"} with the join of the class doc, or a CASE over {@code f.embedding_model_id} built
     * from the few registered models, which spares the check a join per face.
     */
    public String sqlPredicate(String dimension) {
        // typeof() and length() read the record header only; "embedding IS NOT NULL" would load every BLOB
        return switch (this) {
            case EMBEDDING_UNKNOWN_MODEL -> "(typeof(f.embedding) <> 'null' AND " + dimension + " IS NULL)";
            case EMBEDDING_WRONG_SIZE -> "(typeof(f.embedding) <> 'null' AND " + dimension + " IS NOT NULL"
                    + " AND (typeof(f.embedding) <> 'blob' OR length(f.embedding) <> 4 * " + dimension + "))";
            default -> sqlPredicate();
        };
    }

    /** @return the invalid_reason to store for a row flagged invalid by this rule: {@code "<code>: <detail>"} */
    public String invalidReason(String detail) {
        return code + ": " + detail;
    }

    /** SQL fragments shared by the predicates. */
    static final class Sql {
        /** The managed folder, with trailing separator, as the V1 guard triggers read it. */
        static final String MANAGED_DIR = "(SELECT value FROM library_settings WHERE key = 'managed_dir')";

        /** FROM clause the predicates are written against. */
        static final String FACE_FROM = "face_crops f LEFT JOIN photos p ON p.id = f.photo_id"
                + " LEFT JOIN embedding_models m ON m.id = f.embedding_model_id";

        private Sql() {
        }
    }
}
