package app.facet.core.integrity;

/** What one repair change does. */
public enum ChangeKind {
    /** REINDEX: rebuild indexes SQLite found damaged. */
    REINDEX,
    /** Re-create a guard trigger from the migrations. */
    RECREATE_TRIGGER,
    /** Point a face at its original photo (photo_id and image_path). */
    REPOINT_FACE,
    /** Move the faces of a photo row that is really a crop to the original photo, then remove that row. */
    MERGE_INTO_ORIGINAL_PHOTO,
    /** Remove a row; it is kept whole in integrity_removed_rows with the reason. */
    REMOVE_ROW,
    /** Set a dangling reference to NULL. */
    CLEAR_LINK,
    /** Take a face off a person that does not exist. */
    UNASSIGN_FACE,
    /** Drop an embedding (the next scan computes it again). */
    CLEAR_EMBEDDING,
    /** Divide an embedding by its L2 norm. */
    NORMALISE_EMBEDDING,
    /** Clip a face box to its photo. */
    CLIP_BOX,
    /** Keep one face of a duplicate group: move the person and answers to it, remove the duplicate. */
    MERGE_DUPLICATE_FACE,
    /** Point a photo row at the file's new place (found by content hash). */
    RELINK_PHOTO,
    /** Mark a photo whose file is gone as missing (faces and names are kept). */
    MARK_PHOTO_MISSING,
    /** Cut a face crop again from the original photo. */
    RECUT_CROP,
    /** Move a crop file no row refers to into the backups folder. */
    MOVE_ORPHAN_CROP,
    /** Recount a person's cached face and photo counts. */
    RECOUNT_PERSON,
    /** Clear a person's cover face. */
    CLEAR_COVER,
    /** Set a photo's scan state to agree with its faces. */
    SET_SCAN_STATE,
    /** Mark a dead scan run cancelled. */
    CLOSE_SCAN_RUN,
    /** Nothing the repair may decide alone: the change says what the user should do. */
    LEAVE_FOR_USER
}
