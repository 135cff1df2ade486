package app.facet.core.integrity;

/** Stable names of the integrity checks (JSON, CSV, CLI output and the repair refer to them). */
public final class CheckNames {
    public static final String SQLITE_INTEGRITY = "sqlite_integrity";
    public static final String FOREIGN_KEYS = "foreign_keys";
    public static final String SCHEMA_TRIGGERS = "schema_triggers";
    public static final String PHOTO_PATH_IN_MANAGED_DIR = "photo_path_in_managed_dir";
    public static final String FACE_IMAGE_PATH_IS_CROP = "face_image_path_is_crop";
    public static final String FACE_IMAGE_PATH_MISMATCH = "face_image_path_mismatch";
    public static final String CROP_PATH_OUTSIDE_MANAGED = "crop_path_outside_managed";
    public static final String FACE_PHOTO_MISSING = "face_photo_missing";
    public static final String CROP_FILE_MISSING = "crop_file_missing";
    public static final String ORPHAN_CROP_FILES = "orphan_crop_files";
    public static final String BOX_DEGENERATE = "box_degenerate";
    public static final String BOX_OUTSIDE_IMAGE = "box_outside_image";
    public static final String EMBEDDING_WRONG_SIZE_OR_MODEL = "embedding_wrong_size_or_model";
    public static final String EMBEDDING_NOT_NORMALISED = "embedding_not_normalised";
    public static final String DUPLICATE_FACES = "duplicate_faces";
    public static final String DUPLICATE_PHOTOS = "duplicate_photos";
    public static final String PERSON_COUNTS_STALE = "person_counts_stale";
    public static final String PERSON_COVER_INVALID = "person_cover_invalid";
    public static final String PERSON_WITHOUT_FACES = "person_without_faces";
    public static final String PHOTO_SCAN_STATE_INCONSISTENT = "photo_scan_state_inconsistent";
    public static final String PHOTO_SCAN_STALLED = "photo_scan_stalled";
    public static final String PHOTO_FAILED_TRANSIENT = "photo_failed_transient";
    public static final String SCAN_RUN_STUCK = "scan_run_stuck";
    public static final String DETECTION_SCORE_OUT_OF_RANGE = "detection_score_out_of_range";
    public static final String FACES_FLAGGED_INVALID = "faces_flagged_invalid";

    private CheckNames() {
    }
}
