package app.facet.core.catalog;

import app.facet.core.rules.ManagedFolder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static app.facet.core.catalog.RepairJdbc.call;
import static app.facet.core.catalog.RepairJdbc.string;
import static app.facet.core.catalog.RepairJdbc.update;

/**
 * The photos and scan_runs statements of the integrity repair: finding a face's original photo, relinking moved
 * photos, scan states and stuck scan runs. Every method runs on the caller's {@link Tx} and throws
 * {@link CatalogException} on a database error. "Outside the managed folder" is {@link ManagedFolder}'s test, made in
 * SQL on the folder's prefix.
 */
public final class RepairPhotoStore {
    private RepairPhotoStore() {
    }

    /** A photo row: its id and path. */
    public record PhotoRef(long id, String path) {
    }

    /** A photo row with what identifies its file: size in bytes and SHA-256 content hash (hex, may be null). */
    public record PhotoFile(long id, String path, long sizeBytes, String contentHash) {
    }

    /** @return the photo's recorded content hash, null when none or the row does not exist */
    public static String contentHash(Tx tx, long photoId) {
        return string(tx, "SELECT content_hash FROM photos WHERE id = ?", photoId);
    }

    /** @return the photo's scan state, null when the row does not exist */
    public static String scanState(Tx tx, long photoId) {
        return string(tx, "SELECT scan_state FROM photos WHERE id = ?", photoId);
    }

    /** @return the photo row at exactly {@code path} */
    public static Optional<PhotoRef> at(Tx tx, String path) {
        return first(tx, "SELECT id, path FROM photos WHERE path = ?", path);
    }

    /** @return the photo's path, size and content hash; empty when the row does not exist */
    public static Optional<PhotoFile> file(Tx tx, long photoId) {
        return call(() -> {
            try (PreparedStatement ps = RepairJdbc.prepare(tx, "SELECT path, size_bytes, content_hash FROM photos WHERE id = ?", photoId);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PhotoFile(photoId, rs.getString(1), rs.getLong(2), rs.getString(3))) : Optional.empty();
            }
        });
    }

    /**
     * @return the photo outside {@code managed} of the lowest id that has a face whose crop_path is {@code cropPath}
     */
    public static Optional<PhotoRef> ofFaceWithCrop(Tx tx, String cropPath, ManagedFolder managed) {
        return first(tx, "SELECT p.id, p.path FROM face_crops g JOIN photos p ON p.id = g.photo_id"
                + " WHERE g.crop_path = ? AND substr(p.path, 1, length(?)) <> ? ORDER BY p.id LIMIT 1", cropPath, managed.prefix(), managed.prefix());
    }

    /**
     * @param contentHash SHA-256, hex, any case
     * @return the photo outside {@code managed} with that content hash; a present one before a missing one, then
     *         the lowest id
     */
    public static Optional<PhotoRef> withContentHash(Tx tx, String contentHash, ManagedFolder managed) {
        return first(tx, "SELECT id, path FROM photos WHERE content_hash = ?"
                + " AND substr(path, 1, length(?)) <> ? ORDER BY missing_since IS NOT NULL, id LIMIT 1",
                contentHash.toLowerCase(Locale.ROOT), managed.prefix(), managed.prefix());
    }

    /**
     * @return the folders of every scan that was not a dry run ({@code scan_runs.roots}, a JSON array of folder
     *         paths; a malformed value counts as none), each once, as stored
     */
    public static List<String> scannedRoots(Tx tx) {
        return call(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = RepairJdbc.prepare(tx, "SELECT DISTINCT j.value FROM scan_runs r,"
                    + " json_each(CASE WHEN json_valid(r.roots) THEN r.roots ELSE '[]' END) j WHERE r.dry_run = 0 AND j.type = 'text'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** @return the photo's scan state and whether it has faces, read together; empty when the row does not exist */
    public static Optional<ScanStateNow> scanStateNow(Tx tx, long photoId) {
        return call(() -> {
            try (PreparedStatement ps = RepairJdbc.prepare(tx, "SELECT scan_state,"
                    + " EXISTS (SELECT 1 FROM face_crops WHERE photo_id = photos.id) FROM photos WHERE id = ?", photoId);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ScanStateNow(rs.getString(1), rs.getBoolean(2))) : Optional.empty();
            }
        });
    }

    /** A photo's scan state and whether it has any face row. */
    public record ScanStateNow(String scanState, boolean hasFaces) {
    }

    /** Points the photo row at the file's new place and clears its missing mark. */
    public static void relink(Tx tx, long photoId, String newPath) {
        update(tx, "UPDATE photos SET path = ?, missing_since = NULL WHERE id = ?", newPath, photoId);
    }

    /** Marks the photo missing since now (UTC, ISO-8601), unless it is marked already. */
    public static void markMissing(Tx tx, long photoId) {
        update(tx, "UPDATE photos SET missing_since = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND missing_since IS NULL", photoId);
    }

    public static void setScanState(Tx tx, long photoId, String scanState) {
        update(tx, "UPDATE photos SET scan_state = ? WHERE id = ?", scanState, photoId);
    }

    /** Marks a scan run cancelled now (UTC), noting that the repair closed it because its process is gone. */
    public static void closeStuckScanRun(Tx tx, long runId) {
        update(tx, "UPDATE scan_runs SET status = 'cancelled', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
                + " note = coalesce(note || '; ', '') || 'closed by integrity repair: its process is gone' WHERE id = ?", runId);
    }

    private static Optional<PhotoRef> first(Tx tx, String sql, Object... args) {
        return call(() -> {
            try (PreparedStatement ps = RepairJdbc.prepare(tx, sql, args); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PhotoRef(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        });
    }
}
