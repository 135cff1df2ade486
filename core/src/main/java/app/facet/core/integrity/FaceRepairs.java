package app.facet.core.integrity;

import app.facet.core.rules.FaceRowRules;
import app.facet.core.catalog.Embeddings;
import app.facet.core.catalog.RepairFaceState;
import app.facet.core.catalog.RepairFaceStore;
import app.facet.core.catalog.RepairPersonStore;

import app.facet.model.BoundingBox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static app.facet.core.catalog.RepairFaceState.Aspect.ASSIGNMENT;
import static app.facet.core.catalog.RepairFaceState.Aspect.BOX;
import static app.facet.core.catalog.RepairFaceState.Aspect.EMBEDDING;
import static app.facet.core.catalog.RepairFaceState.Aspect.CROP;
import static app.facet.core.catalog.RepairFaceState.Aspect.IMAGE_PATH;

/** Repair actions on one face row. Each re-checks that the row is exactly as planned before changing it. */
final class FaceRepairs {
    private FaceRepairs() {
    }

    /** @return why a change planned on {@code before} no longer applies (the face is gone or those columns changed), or null */
    static String stale(RepairContext ctx, RepairFaceState before, RepairFaceState.Aspect... dependsOn) {
        Optional<RepairFaceState> now = RepairFaceStore.face(ctx.tx(), before.id());
        if (now.isEmpty()) {
            return "face " + before.id() + " no longer exists";
        }
        return now.get().sameAs(before, dependsOn) ? null : "face " + before.id() + " changed since the plan";
    }

    /** Points a face at a proper photo: photo_id and image_path together (the guard trigger accepts nothing else). */
    record Repoint(PlannedChange planned, RepairFaceState before, long toPhotoId, String toPath) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            String s = stale(ctx, before, IMAGE_PATH);
            if (s != null) {
                return s;
            }
            Optional<OriginResolver.Origin> target = new OriginResolver(ctx.tx(), ctx.managed()).properPhoto(toPhotoId);
            return target.isPresent() && target.get().path().equals(toPath) ? null : "photo " + toPhotoId + " changed since the plan";
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairFaceStore.repoint(ctx.tx(), before.id(), toPhotoId, toPath);
        }
    }

    /** Removes a face row, keeping it in integrity_removed_rows. */
    record Remove(PlannedChange planned, RepairFaceState before, String reason) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return stale(ctx, before, IMAGE_PATH, CROP, BOX, ASSIGNMENT);
        }

        @Override
        public void apply(RepairContext ctx) {
            ctx.removeFace(before.id(), planned.check(), reason);
        }
    }

    record ClipBox(PlannedChange planned, RepairFaceState before, BoundingBox to) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return stale(ctx, before, BOX);
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairFaceStore.setBox(ctx.tx(), before.id(), to);
        }
    }

    /** Drops the embedding (and its model, as the schema requires); the face and its person stay. */
    record ClearEmbedding(PlannedChange planned, RepairFaceState before) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return stale(ctx, before, EMBEDDING);
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairFaceStore.clearEmbedding(ctx.tx(), before.id());
        }
    }

    record NormaliseEmbedding(PlannedChange planned, RepairFaceState before) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return stale(ctx, before, EMBEDDING);
        }

        @Override
        public void apply(RepairContext ctx) {
            float[] v = Embeddings.fromBytes(before.embedding());
            double norm = FaceRowRules.norm(v);
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
            RepairFaceStore.setEmbedding(ctx.tx(), before.id(), v);
        }
    }

    /** Takes a face off a person row that does not exist. */
    record Unassign(PlannedChange planned, RepairFaceState before) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return stale(ctx, before, ASSIGNMENT);
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairFaceStore.unassign(ctx.tx(), before.id());
        }
    }

    /**
     * Keeps {@code keep}, gives it the duplicate's person when it has none, its "not this person" answers and its place
     * as a cover, then removes the duplicate.
     */
    record MergeDuplicate(PlannedChange planned, RepairFaceState keep, RepairFaceState duplicate) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            String s = stale(ctx, keep, IMAGE_PATH, BOX, ASSIGNMENT);
            return s != null ? s : stale(ctx, duplicate, IMAGE_PATH, BOX, ASSIGNMENT);
        }

        @Override
        public void apply(RepairContext ctx) {
            if (keep.personId() == null && duplicate.personId() != null) {
                RepairFaceStore.assign(ctx.tx(), keep.id(), duplicate.personId(), duplicate.assignedBy());
            }
            if (duplicate.notAFace() && !keep.notAFace()) {
                RepairFaceStore.markNotAFace(ctx.tx(), keep.id());
            }
            RepairFaceStore.copyRejections(ctx.tx(), duplicate.id(), keep.id());
            RepairPersonStore.moveCover(ctx.tx(), duplicate.id(), keep.id());
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
    record RecutCrop(PlannedChange planned, RepairFaceState before, Path photoFile, Path out) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            String s = stale(ctx, before, CROP, BOX);
            if (s != null) {
                return s;
            }
            if (!Files.isRegularFile(photoFile)) {
                return "photo " + photoFile + " is not on disk";
            }
            return ctx.managed().toStored(out.toString()).equals(before.cropPath()) && Files.isRegularFile(out)
                    ? "crop file " + out + " exists again" : null;
        }

        @Override
        public void apply(RepairContext ctx) throws IOException {
            new FaceCropCutter().cut(photoFile, before.box(), out);
            // stored relative to the library folder, like every crop path (rules.LibraryPaths)
            String stored = ctx.managed().toStored(out.toString());
            if (!stored.equals(before.cropPath())) {
                RepairFaceStore.setCropPath(ctx.tx(), before.id(), stored);
                if (before.cropPath() != null && !ctx.managed().containsStored(before.cropPath())) {
                    ctx.unqueueCropDeletion(before.cropPath());
                }
            }
        }
    }
}
