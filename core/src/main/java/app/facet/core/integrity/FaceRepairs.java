package app.facet.core.integrity;

import app.facet.core.rules.FaceRowRules;
import app.facet.core.catalog.Embeddings;

import app.facet.model.BoundingBox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import static app.facet.core.integrity.FaceState.Aspect.ASSIGNMENT;
import static app.facet.core.integrity.FaceState.Aspect.BOX;
import static app.facet.core.integrity.FaceState.Aspect.EMBEDDING;
import static app.facet.core.integrity.FaceState.Aspect.CROP;
import static app.facet.core.integrity.FaceState.Aspect.IMAGE_PATH;

/** Repair actions on one face row. Each re-checks that the row is exactly as planned before changing it. */
final class FaceRepairs {
    private FaceRepairs() {
    }

    /** @return why a change planned on {@code before} no longer applies (the face is gone or those columns changed), or null */
    static String stale(RepairContext ctx, FaceState before, FaceState.Aspect... dependsOn) throws SQLException {
        Optional<FaceState> now = FaceState.load(ctx.connection(), before.id());
        if (now.isEmpty()) {
            return "face " + before.id() + " no longer exists";
        }
        return now.get().sameAs(before, dependsOn) ? null : "face " + before.id() + " changed since the plan";
    }

    static void update(RepairContext ctx, String sql, Object... args) throws SQLException {
        Queries.update(ctx.connection(), sql, args);
    }

    /** Points a face at a proper photo: photo_id and image_path together (the guard trigger accepts nothing else). */
    record Repoint(PlannedChange planned, FaceState before, long toPhotoId, String toPath) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            String s = stale(ctx, before, IMAGE_PATH);
            if (s != null) {
                return s;
            }
            Optional<OriginResolver.Origin> target = new OriginResolver(ctx.connection(), ctx.managedDir()).properPhoto(toPhotoId);
            return target.isPresent() && target.get().path().equals(toPath) ? null : "photo " + toPhotoId + " changed since the plan";
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE face_crops SET photo_id = ?, image_path = ? WHERE id = ?", toPhotoId, toPath, before.id());
        }
    }

    /** Removes a face row, keeping it in integrity_removed_rows. */
    record Remove(PlannedChange planned, FaceState before, String reason) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            return stale(ctx, before, IMAGE_PATH, CROP, BOX, ASSIGNMENT);
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            ctx.removeFace(before.id(), planned.check(), reason);
        }
    }

    record ClipBox(PlannedChange planned, FaceState before, BoundingBox to) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            return stale(ctx, before, BOX);
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE face_crops SET x = ?, y = ?, w = ?, h = ? WHERE id = ?", to.x(), to.y(), to.w(), to.h(), before.id());
        }
    }

    /** Drops the embedding (and its model, as the schema requires); the face and its person stay. */
    record ClearEmbedding(PlannedChange planned, FaceState before) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            return stale(ctx, before, EMBEDDING);
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE face_crops SET embedding = NULL, embedding_model_id = NULL WHERE id = ?", before.id());
        }
    }

    record NormaliseEmbedding(PlannedChange planned, FaceState before) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            return stale(ctx, before, EMBEDDING);
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            float[] v = Embeddings.fromBytes(before.embedding());
            double norm = FaceRowRules.norm(v);
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
            update(ctx, "UPDATE face_crops SET embedding = ? WHERE id = ?", Embeddings.toBytes(v), before.id());
        }
    }

    /** Takes a face off a person row that does not exist. */
    record Unassign(PlannedChange planned, FaceState before) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            return stale(ctx, before, ASSIGNMENT);
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE face_crops SET person_id = NULL, assigned_by = 'none' WHERE id = ?", before.id());
        }
    }

    /**
     * Keeps {@code keep}, gives it the duplicate's person when it has none, its "not this person" answers and its place
     * as a cover, then removes the duplicate.
     */
    record MergeDuplicate(PlannedChange planned, FaceState keep, FaceState duplicate) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            String s = stale(ctx, keep, IMAGE_PATH, BOX, ASSIGNMENT);
            return s != null ? s : stale(ctx, duplicate, IMAGE_PATH, BOX, ASSIGNMENT);
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            if (keep.personId() == null && duplicate.personId() != null) {
                update(ctx, "UPDATE face_crops SET person_id = ?, assigned_by = ? WHERE id = ?",
                        duplicate.personId(), duplicate.assignedBy(), keep.id());
            }
            if (duplicate.notAFace() && !keep.notAFace()) {
                update(ctx, "UPDATE face_crops SET not_a_face = 1 WHERE id = ?", keep.id());
            }
            update(ctx, "INSERT OR IGNORE INTO face_person_rejections (face_id, person_id)"
                    + " SELECT ?, person_id FROM face_person_rejections WHERE face_id = ?", keep.id(), duplicate.id());
            update(ctx, "UPDATE persons SET cover_face_id = ? WHERE cover_face_id = ?", keep.id(), duplicate.id());
            ctx.removeFace(duplicate.id(), planned.check(), "duplicate of face " + keep.id() + " (same photo, IoU above "
                    + FaceRowRules.DUPLICATE_IOU + ")");
        }
    }

    /**
     * Cuts the face crop again from the original photo ({@code photoFile}: the photo row's path, which an earlier
     * change of the same repair may just have made the face's image_path) into {@code out}; when {@code out} differs from the row's
     * crop_path the row is pointed at it (a crop path outside the managed folder is dropped from the deletion queue:
     * that file is never Facet's to delete).
     */
    record RecutCrop(PlannedChange planned, FaceState before, Path photoFile, Path out) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            String s = stale(ctx, before, CROP, BOX);
            if (s != null) {
                return s;
            }
            if (!Files.isRegularFile(photoFile)) {
                return "photo " + photoFile + " is not on disk";
            }
            return out.toString().equals(before.cropPath()) && Files.isRegularFile(out) ? "crop file " + out + " exists again" : null;
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException, IOException {
            new FaceCropCutter().cut(photoFile, before.box(), out);
            if (!out.toString().equals(before.cropPath())) {
                update(ctx, "UPDATE face_crops SET crop_path = ? WHERE id = ?", out.toString(), before.id());
                if (before.cropPath() != null && !before.cropPath().startsWith(ctx.managedDir())) {
                    ctx.unqueueCropDeletion(before.cropPath());
                }
            }
        }
    }
}
