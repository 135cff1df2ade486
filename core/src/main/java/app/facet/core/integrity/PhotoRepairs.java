package app.facet.core.integrity;

import app.facet.core.catalog.IntegrityCheckStore;
import app.facet.core.catalog.ContentHash;
import app.facet.core.catalog.RepairFaceStore;
import app.facet.core.catalog.RepairPhotoStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Repair actions on photo rows and scan runs. */
final class PhotoRepairs {
    private PhotoRepairs() {
    }

    /** @return the photo's path, or null when the row does not exist */
    static String pathOf(RepairContext ctx, long photoId) {
        return IntegrityCheckStore.photoPath(ctx.tx(), photoId);
    }

    /** A photo row that is really a crop: its faces move to the original photo, then the row is removed (kept). */
    record MergeIntoOriginal(PlannedChange planned, long photoId, String photoPath, long originId, String originPath) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            if (!photoPath.equals(pathOf(ctx, photoId))) {
                return "photo " + photoId + " changed since the plan";
            }
            String origin = pathOf(ctx, originId);
            return originPath.equals(origin) && !ctx.managed().contains(origin) ? null : "photo " + originId + " changed since the plan";
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairFaceStore.moveFacesOfPhoto(ctx.tx(), photoId, originId, originPath);
            ctx.removeRow("photos", photoId, planned.check(), "photo row for a file in the managed folder; its faces moved to photo "
                    + originId + " (" + planned.description() + ")");
        }
    }

    /** A photo row that is really a crop and whose original cannot be found: it and its faces are removed (kept). */
    record RemovePhoto(PlannedChange planned, long photoId, String photoPath, String reason) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return photoPath.equals(pathOf(ctx, photoId)) ? null : "photo " + photoId + " changed since the plan";
        }

        @Override
        public void apply(RepairContext ctx) {
            for (long faceId : IntegrityCheckStore.faceIdsOfPhoto(ctx.tx(), photoId)) {
                ctx.removeFace(faceId, planned.check(), reason);
            }
            ctx.removeRow("photos", photoId, planned.check(), reason);
        }
    }

    /** The file moved: the photo row (and, through the trigger and explicitly, its faces) follow it. */
    record Relink(PlannedChange planned, long photoId, String oldPath, Path newPath, String contentHash) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws IOException {
            if (!oldPath.equals(pathOf(ctx, photoId))) {
                return "photo " + photoId + " changed since the plan";
            }
            if (Files.isRegularFile(Path.of(oldPath))) {
                return "photo file " + oldPath + " is back";
            }
            if (!Files.isRegularFile(newPath) || !ContentHash.of(newPath).equalsIgnoreCase(contentHash)) {
                return "file " + newPath + " changed since the plan";
            }
            return RepairPhotoStore.at(ctx.tx(), newPath.toString()).isPresent() ? "file " + newPath + " is catalogued as another photo" : null;
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairPhotoStore.relink(ctx.tx(), photoId, newPath.toString());
            RepairFaceStore.followPhotoPath(ctx.tx(), photoId, newPath.toString());
        }
    }

    record MarkMissing(PlannedChange planned, long photoId, String path) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            if (!path.equals(pathOf(ctx, photoId))) {
                return "photo " + photoId + " changed since the plan";
            }
            return Files.isRegularFile(Path.of(path)) ? "photo file " + path + " is back" : null;
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairPhotoStore.markMissing(ctx.tx(), photoId);
        }
    }

    /** Scan state 'done' needs faces, 'no_faces' needs none. */
    record SetScanState(PlannedChange planned, long photoId, String from, String to) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            Optional<RepairPhotoStore.ScanStateNow> now = RepairPhotoStore.scanStateNow(ctx.tx(), photoId);
            if (now.isEmpty() || !from.equals(now.get().scanState())) {
                return "photo " + photoId + " changed since the plan";
            }
            return now.get().hasFaces() == "done".equals(to) ? null : "photo " + photoId + " faces changed since the plan";
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairPhotoStore.setScanState(ctx.tx(), photoId, to);
        }
    }

    /** A 'running' scan run whose process is gone becomes 'cancelled': the next scan resumes its photos. */
    record CloseScanRun(PlannedChange planned, long runId) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return ScanRunStuckCheck.stuck(ctx.tx()).stream().anyMatch(r -> r.id() == runId) ? null
                    : "scan run " + runId + " is no longer stuck";
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairPhotoStore.closeStuckScanRun(ctx.tx(), runId);
        }
    }
}
