package app.facet.core.integrity;

import app.facet.core.catalog.Tx;

import app.facet.core.catalog.ContentHash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static app.facet.core.integrity.FaceRepairs.update;

/** Repair actions on photo rows and scan runs. */
final class PhotoRepairs {
    private PhotoRepairs() {
    }

    /** @return the photo's path, or null when the row does not exist */
    static String pathOf(RepairContext ctx, long photoId) throws SQLException {
        return Queries.string(ctx.connection(), "SELECT path FROM photos WHERE id = ?", photoId);
    }

    /** A photo row that is really a crop: its faces move to the original photo, then the row is removed (kept). */
    record MergeIntoOriginal(PlannedChange planned, long photoId, String photoPath, long originId, String originPath) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            if (!photoPath.equals(pathOf(ctx, photoId))) {
                return "photo " + photoId + " changed since the plan";
            }
            String origin = pathOf(ctx, originId);
            return originPath.equals(origin) && !origin.startsWith(ctx.managedDir()) ? null : "photo " + originId + " changed since the plan";
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE face_crops SET photo_id = ?, image_path = ? WHERE photo_id = ?", originId, originPath, photoId);
            RowBackup.remove(ctx, "photos", photoId, planned.check(), "photo row for a file in the managed folder; its faces moved to photo "
                    + originId + " (" + planned.description() + ")");
        }
    }

    /** A photo row that is really a crop and whose original cannot be found: it and its faces are removed (kept). */
    record RemovePhoto(PlannedChange planned, long photoId, String photoPath, String reason) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            return photoPath.equals(pathOf(ctx, photoId)) ? null : "photo " + photoId + " changed since the plan";
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            for (long faceId : Queries.faceIds(ctx.connection(), photoId)) {
                ctx.removeFace(faceId, planned.check(), reason);
            }
            RowBackup.remove(ctx, "photos", photoId, planned.check(), reason);
        }
    }

    /** The file moved: the photo row (and, through the trigger and explicitly, its faces) follow it. */
    record Relink(PlannedChange planned, long photoId, String oldPath, Path newPath, String contentHash) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException, IOException {
            if (!oldPath.equals(pathOf(ctx, photoId))) {
                return "photo " + photoId + " changed since the plan";
            }
            if (Files.isRegularFile(Path.of(oldPath))) {
                return "photo file " + oldPath + " is back";
            }
            if (!Files.isRegularFile(newPath) || !ContentHash.of(newPath).equalsIgnoreCase(contentHash)) {
                return "file " + newPath + " changed since the plan";
            }
            try (PreparedStatement ps = ctx.connection().prepareStatement("SELECT 1 FROM photos WHERE path = ?")) {
                ps.setString(1, newPath.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? "file " + newPath + " is catalogued as another photo" : null;
                }
            }
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE photos SET path = ?, missing_since = NULL WHERE id = ?", newPath.toString(), photoId);
            update(ctx, "UPDATE face_crops SET image_path = ? WHERE photo_id = ? AND image_path IS NOT ?", newPath.toString(), photoId,
                    newPath.toString());
        }
    }

    record MarkMissing(PlannedChange planned, long photoId, String path) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            if (!path.equals(pathOf(ctx, photoId))) {
                return "photo " + photoId + " changed since the plan";
            }
            return Files.isRegularFile(Path.of(path)) ? "photo file " + path + " is back" : null;
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE photos SET missing_since = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND missing_since IS NULL", photoId);
        }
    }

    /** Scan state 'done' needs faces, 'no_faces' needs none. */
    record SetScanState(PlannedChange planned, long photoId, String from, String to) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            try (PreparedStatement ps = ctx.connection().prepareStatement("SELECT scan_state,"
                    + " EXISTS (SELECT 1 FROM face_crops WHERE photo_id = photos.id) FROM photos WHERE id = ?")) {
                ps.setLong(1, photoId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !from.equals(rs.getString(1))) {
                        return "photo " + photoId + " changed since the plan";
                    }
                    return rs.getBoolean(2) == "done".equals(to) ? null : "photo " + photoId + " faces changed since the plan";
                }
            }
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE photos SET scan_state = ? WHERE id = ?", to, photoId);
        }
    }

    /** A 'running' scan run whose process is gone becomes 'cancelled': the next scan resumes its photos. */
    record CloseScanRun(PlannedChange planned, long runId) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            return ScanRunStuckCheck.stuck(Tx.of(ctx.connection())).stream().anyMatch(r -> r.id() == runId) ? null
                    : "scan run " + runId + " is no longer stuck";
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE scan_runs SET status = 'cancelled', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
                    + " note = coalesce(note || '; ', '') || 'closed by integrity repair: its process is gone' WHERE id = ?", runId);
        }
    }
}
