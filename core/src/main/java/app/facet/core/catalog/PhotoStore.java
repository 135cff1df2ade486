package app.facet.core.catalog;

import app.facet.model.ScanState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL for the {@code photos} table. Methods run on the caller's transaction: services pass a {@link Tx} (those
 * methods throw {@link CatalogException}); other stores may pass their JDBC connection (those throw SQLException).
 */
public final class PhotoStore {
    private static final String NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    private PhotoStore() {
    }

    @FunctionalInterface
    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T run(String what, Sql<T> sql) {
        try {
            return sql.run();
        } catch (SQLException e) {
            throw new CatalogException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** @return every catalogued photo by path. @throws CatalogException on a database error */
    public static Map<String, CataloguedPhoto> loadAll(Tx tx) {
        return run("read the catalogued photos", () -> loadAll(tx.connection()));
    }

    /**
     * @return the photos waiting for analysis ({@code pending}, not missing), ordered by id
     * @throws CatalogException on a database error
     */
    public static List<PendingPhoto> pending(Tx tx) {
        return run("read the pending photos", () -> {
            List<PendingPhoto> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT id, path, content_hash FROM photos WHERE scan_state = ? AND missing_since IS NULL ORDER BY id")) {
                ps.setString(1, ScanState.PENDING.sql());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PendingPhoto(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The compare-and-set test before a scan replaces a photo's faces: is the photo still in the state the scan read?
     *
     * @param contentHash the hash the scan read; null to test only the state
     * @return true when photo {@code id} is still {@code pending}, not missing, with that content hash
     * @throws CatalogException on a database error
     */
    public static boolean stillPending(Tx tx, long id, String contentHash) {
        return run("check a photo's scan state", () -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM photos WHERE id = ? AND scan_state = ? "
                    + "AND missing_since IS NULL AND (? IS NULL OR content_hash = ?)")) {
                ps.setLong(1, id);
                ps.setString(2, ScanState.PENDING.sql());
                ps.setString(3, contentHash);
                ps.setString(4, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** @return failure reason of every failed photo, by id. @throws CatalogException on a database error */
    public static Map<Long, String> failureReasons(Tx tx) {
        return run("read the failed photos", () -> {
            Map<Long, String> out = new java.util.HashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT id, coalesce(failure_reason, '') FROM photos WHERE scan_state = 'failed'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** A failed photo is to be analysed again: back to {@code pending}, its file facts updated. */
    public static void requeueFailed(Tx tx, long id, long size, long mtimeMs) {
        run("queue a failed photo again", () -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE photos SET scan_state = 'pending', "
                    + "failure_reason = NULL, size_bytes = ?, mtime_ms = ?, missing_since = NULL WHERE id = ? AND scan_state = 'failed'")) {
                ps.setLong(1, size);
                ps.setLong(2, mtimeMs);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** @return the new photo's id; the photo starts {@code pending}. @throws CatalogException on a database error */
    public static long insertPending(Tx tx, String path, long size, long mtimeMs, String hash) {
        return run("catalogue " + path, () -> insertPending(tx.connection(), path, size, mtimeMs, hash));
    }

    /** Same content, new size (bytes) and mtime (ms since the epoch): keeps its faces. @throws CatalogException */
    public static void updateFileFacts(Tx tx, long id, long size, long mtimeMs, String hash) {
        run("update the file facts of photo " + id, () -> {
            updateFileFacts(tx.connection(), id, size, mtimeMs, hash);
            return null;
        });
    }

    /** A photo found at a new path with the same content keeps its faces. @throws CatalogException */
    public static void moveTo(Tx tx, long id, String newPath, long size, long mtimeMs) {
        run("move photo " + id + " to " + newPath, () -> {
            moveTo(tx.connection(), id, newPath, size, mtimeMs);
            return null;
        });
    }

    /** The file's content changed: its faces go (their user decisions held for the re-analysis), it is analysed again. @throws CatalogException */
    public static void resetForReanalysis(Tx tx, long id, long size, long mtimeMs, String hash) {
        run("reset photo " + id + " for analysis", () -> {
            resetForReanalysis(tx.connection(), id, size, mtimeMs, hash);
            return null;
        });
    }

    /** Marks photo {@code id} missing from disk (kept, never dropped) or found again. @throws CatalogException */
    public static void setMissing(Tx tx, long id, boolean missing) {
        run("mark photo " + id + (missing ? " missing" : " found again"), () -> {
            setMissing(tx.connection(), id, missing);
            return null;
        });
    }

    /**
     * Records the decoded image's facts: width and height in pixels after EXIF orientation, the EXIF orientation tag
     * (null when absent) and date taken (null when absent). @throws CatalogException on a database error
     */
    public static void recordImageFacts(Tx tx, long id, int width, int height, Integer orientation, Instant takenAt) {
        run("record the image facts of photo " + id, () -> {
            recordImageFacts(tx.connection(), id, width, height, orientation, takenAt);
            return null;
        });
    }

    /**
     * Records the end of an analysis whose image facts {@link #recordImageFacts(Tx, long, int, int, Integer, Instant)}
     * already wrote: {@code done} or {@code no_faces}, the detector and the embedding model (null when none).
     *
     * @throws CatalogException on a database error
     */
    public static void recordScanned(Tx tx, long id, ScanState state, String detector, String modelId) {
        run("record the analysis of photo " + id, () -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE photos SET scan_state = ?, failure_reason = NULL, "
                    + "detector = ?, embedding_model_id = ?, scanned_at = " + NOW + " WHERE id = ?")) {
                ps.setString(1, state.sql());
                ps.setString(2, detector);
                ps.setString(3, modelId);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records why photo {@code id} could not be analysed ("code: sentence"). @throws CatalogException */
    public static void recordFailed(Tx tx, long id, String reason, String detector) {
        run("record the failure of photo " + id, () -> {
            recordFailed(tx.connection(), id, reason, detector);
            return null;
        });
    }

    /** Registers an embedding model (float[dimension] vectors) unless known. @throws CatalogException */
    public static void registerEmbeddingModel(Tx tx, String id, int dimension, String sha256) {
        run("register embedding model " + id, () -> {
            registerEmbeddingModel(tx.connection(), id, dimension, sha256);
            return null;
        });
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

    /** The file's content changed: its faces are no longer valid, it is analysed again; their user decisions are held ({@link DecisionStore#holdForReanalysis}). */
    public static void resetForReanalysis(Connection c, long id, long size, long mtimeMs, String hash) throws SQLException {
        // the user's decisions outlive the rows: the re-analysis carries them to the new faces (DecisionStore)
        DecisionStore.holdForReanalysis(c, id);
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

    /** Records a finished analysis (a re-detection): image facts and {@code done} or {@code no_faces}; clears {@code no_faces_by_user}. */
    public static void recordAnalysed(Connection c, long id, int width, int height, Integer orientation, Instant takenAt,
                                      ScanState state, String detector, String modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE photos SET width = ?, height = ?, orientation = ?, taken_at = ?, "
                + "scan_state = ?, failure_reason = NULL, detector = ?, embedding_model_id = ?, scanned_at = " + NOW
                // a re-detection the user asked for replaces their "no faces" decision with what it finds
                + ", no_faces_by_user = 0 WHERE id = ?")) {
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
