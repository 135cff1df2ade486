package app.facet.core.catalog;

import app.facet.model.ScanState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** SQL for the {@code photos} table. Methods run on the caller's connection and transaction. */
public final class PhotoStore {
    private static final String NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    private PhotoStore() {
    }

    /** @return every catalogued photo by path */
    public static Map<String, CataloguedPhoto> loadAll(Connection c) throws SQLException {
        Map<String, CataloguedPhoto> out = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, path, size_bytes, mtime_ms, content_hash, scan_state, missing_since FROM photos")) {
            while (rs.next()) {
                out.put(rs.getString(2), new CataloguedPhoto(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), ScanState.fromSql(rs.getString(6)), rs.getString(7) != null));
            }
        }
        return out;
    }

    /** @return the new photo's id; the photo starts {@code pending} */
    public static long insertPending(Connection c, String path, long size, long mtimeMs, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO photos (path, size_bytes, mtime_ms, content_hash) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, path);
            ps.setLong(2, size);
            ps.setLong(3, mtimeMs);
            ps.setString(4, hash);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Same content, new size/mtime (e.g. touched or copied back): keeps its faces. */
    public static void updateFileFacts(Connection c, long id, long size, long mtimeMs, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE photos SET size_bytes = ?, mtime_ms = ?, content_hash = ?, missing_since = NULL WHERE id = ?")) {
            ps.setLong(1, size);
            ps.setLong(2, mtimeMs);
            ps.setString(3, hash);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** A photo found at a new path with the same content: it keeps its faces (their image_path follows by trigger). */
    public static void moveTo(Connection c, long id, String newPath, long size, long mtimeMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE photos SET path = ?, size_bytes = ?, mtime_ms = ?, missing_since = NULL WHERE id = ?")) {
            ps.setString(1, newPath);
            ps.setLong(2, size);
            ps.setLong(3, mtimeMs);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** The file's content changed: its faces are no longer valid, it is analysed again. */
    public static void resetForReanalysis(Connection c, long id, long size, long mtimeMs, String hash) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM face_crops WHERE photo_id = ?")) {
            del.setLong(1, id);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE photos SET size_bytes = ?, mtime_ms = ?, content_hash = ?, "
                + "scan_state = 'pending', failure_reason = NULL, missing_since = NULL WHERE id = ?")) {
            ps.setLong(1, size);
            ps.setLong(2, mtimeMs);
            ps.setString(3, hash);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    public static void setMissing(Connection c, long id, boolean missing) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(missing
                ? "UPDATE photos SET missing_since = " + NOW + " WHERE id = ? AND missing_since IS NULL"
                : "UPDATE photos SET missing_since = NULL WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** Records a finished analysis: image facts and {@code done} or {@code no_faces}. */
    public static void recordAnalysed(Connection c, long id, int width, int height, Integer orientation, Instant takenAt,
                                      ScanState state, String detector, String modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE photos SET width = ?, height = ?, orientation = ?, taken_at = ?, "
                + "scan_state = ?, failure_reason = NULL, detector = ?, embedding_model_id = ?, scanned_at = " + NOW + " WHERE id = ?")) {
            ps.setInt(1, width);
            ps.setInt(2, height);
            if (orientation == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setInt(3, orientation);
            }
            ps.setString(4, takenAt == null ? null : takenAt.toString());
            ps.setString(5, state.sql());
            ps.setString(6, detector);
            ps.setString(7, modelId);
            ps.setLong(8, id);
            ps.executeUpdate();
        }
    }

    /** Records the decoded image's facts (the validator checks boxes against width and height). */
    public static void recordImageFacts(Connection c, long id, int width, int height, Integer orientation, Instant takenAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE photos SET width = ?, height = ?, orientation = ?, taken_at = ? WHERE id = ?")) {
            ps.setInt(1, width);
            ps.setInt(2, height);
            if (orientation == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setInt(3, orientation);
            }
            ps.setString(4, takenAt == null ? null : takenAt.toString());
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    /** Records why a photo could not be analysed; it is not retried until its file changes. */
    public static void recordFailed(Connection c, long id, String reason, String detector) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE photos SET scan_state = 'failed', failure_reason = ?, "
                + "detector = ?, scanned_at = " + NOW + " WHERE id = ?")) {
            ps.setString(1, reason);
            ps.setString(2, detector);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Registers the embedding model whose vectors will be stored (the triggers check lengths against it). */
    public static void registerEmbeddingModel(Connection c, String id, int dimension, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO embedding_models (id, dimension, sha256) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setInt(2, dimension);
            ps.setString(3, sha256);
            ps.executeUpdate();
        }
    }
}
