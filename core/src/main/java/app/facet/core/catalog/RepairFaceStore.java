package app.facet.core.catalog;

import app.facet.model.BoundingBox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import static app.facet.core.catalog.RepairJdbc.call;
import static app.facet.core.catalog.RepairJdbc.exists;
import static app.facet.core.catalog.RepairJdbc.update;

/**
 * The face_crops statements of the integrity repair: reading a face as the plan sees it ({@link RepairFaceState}) and the
 * single-row changes a repair makes. Every method runs on the caller's {@link Tx} (inside its write transaction when
 * it changes something) and throws {@link CatalogException} on a database error. Boxes are in original-image pixels,
 * after EXIF orientation; embeddings are stored as float32 little-endian ({@link Embeddings}).
 */
public final class RepairFaceStore {
    private RepairFaceStore() {
    }

    /** @return the face row {@code faceId} with its photo's path and size and its model's dimension; empty when gone */
    public static Optional<RepairFaceState> face(Tx tx, long faceId) {
        return call(() -> {
            try (PreparedStatement ps = RepairJdbc.prepare(tx, RepairFaceState.SQL, faceId); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RepairFaceState.map(rs)) : Optional.empty();
            }
        });
    }

    /** @return how many face rows photo {@code photoId} has */
    public static long countFacesOfPhoto(Tx tx, long photoId) {
        return RepairJdbc.count(tx, "SELECT count(*) FROM face_crops WHERE photo_id = ?", photoId);
    }

    /** @return the face's crop_path; null when the face is gone or has none */
    public static String cropPath(Tx tx, long faceId) {
        return RepairJdbc.string(tx, "SELECT crop_path FROM face_crops WHERE id = ?", faceId);
    }

    /** @return true when some face row has {@code path} as its crop_path */
    public static boolean isCropPath(Tx tx, String path) {
        return exists(tx, "SELECT 1 FROM face_crops WHERE crop_path = ? LIMIT 1", path);
    }

    /** @return true when some face row (as crop or image path) or photo row names {@code path} */
    public static boolean isReferenced(Tx tx, String path) {
        return RepairJdbc.count(tx, "SELECT EXISTS (SELECT 1 FROM face_crops WHERE crop_path = ?)"
                + " OR EXISTS (SELECT 1 FROM face_crops WHERE image_path = ?) OR EXISTS (SELECT 1 FROM photos WHERE path = ?)",
                path, path, path) != 0;
    }

    /** Takes a path off crop_files_to_delete (the database queues a removed face's crop file there). */
    public static void unqueueCropDeletion(Tx tx, String path) {
        update(tx, "DELETE FROM crop_files_to_delete WHERE path = ?", path);
    }

    /** Points a face at a photo: photo_id and image_path together (the guard trigger accepts nothing else). */
    public static void repoint(Tx tx, long faceId, long photoId, String photoPath) {
        update(tx, "UPDATE face_crops SET photo_id = ?, image_path = ? WHERE id = ?", photoId, photoPath, faceId);
    }

    /** Moves every face of photo {@code fromPhotoId} onto photo {@code toPhotoId} at {@code toPath}. */
    public static void moveFacesOfPhoto(Tx tx, long fromPhotoId, long toPhotoId, String toPath) {
        update(tx, "UPDATE face_crops SET photo_id = ?, image_path = ? WHERE photo_id = ?", toPhotoId, toPath, fromPhotoId);
    }

    /** Sets the image_path of every face of {@code photoId} that differs from {@code path}. */
    public static void followPhotoPath(Tx tx, long photoId, String path) {
        update(tx, "UPDATE face_crops SET image_path = ? WHERE photo_id = ? AND image_path IS NOT ?", path, photoId, path);
    }

    /** Stores {@code box} (original-image pixels) as the face's box. */
    public static void setBox(Tx tx, long faceId, BoundingBox box) {
        update(tx, "UPDATE face_crops SET x = ?, y = ?, w = ?, h = ? WHERE id = ?", box.x(), box.y(), box.w(), box.h(), faceId);
    }

    /** Drops the embedding and its model (as the schema requires); the face and its person stay. */
    public static void clearEmbedding(Tx tx, long faceId) {
        update(tx, "UPDATE face_crops SET embedding = NULL, embedding_model_id = NULL WHERE id = ?", faceId);
    }

    /** Replaces the embedding's values (same model); {@code embedding} as float[dimension]. */
    public static void setEmbedding(Tx tx, long faceId, float[] embedding) {
        update(tx, "UPDATE face_crops SET embedding = ? WHERE id = ?", Embeddings.toBytes(embedding), faceId);
    }

    /** Takes the face off its person ({@code assigned_by = 'none'}). */
    public static void unassign(Tx tx, long faceId) {
        update(tx, "UPDATE face_crops SET person_id = NULL, assigned_by = 'none' WHERE id = ?", faceId);
    }

    /** Puts the face on {@code personId}, keeping who decided ({@code assignedBy}). */
    public static void assign(Tx tx, long faceId, long personId, String assignedBy) {
        update(tx, "UPDATE face_crops SET person_id = ?, assigned_by = ? WHERE id = ?", personId, assignedBy, faceId);
    }

    public static void markNotAFace(Tx tx, long faceId) {
        update(tx, "UPDATE face_crops SET not_a_face = 1 WHERE id = ?", faceId);
    }

    /** Gives face {@code toFaceId} every "not this person" answer of face {@code fromFaceId} (none twice). */
    public static void copyRejections(Tx tx, long fromFaceId, long toFaceId) {
        update(tx, "INSERT OR IGNORE INTO face_person_rejections (face_id, person_id)"
                + " SELECT ?, person_id FROM face_person_rejections WHERE face_id = ?", toFaceId, fromFaceId);
    }

    public static void setCropPath(Tx tx, long faceId, String cropPath) {
        update(tx, "UPDATE face_crops SET crop_path = ? WHERE id = ?", cropPath, faceId);
    }
}
