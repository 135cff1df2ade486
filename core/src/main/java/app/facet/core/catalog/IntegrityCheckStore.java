package app.facet.core.catalog;

import app.facet.core.rules.ManagedFolder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static app.facet.core.rules.ManagedFolder.SQL_PREFIX;

/**
 * The integrity check's reads of photos, faces, persons and scan runs (never a write). Rows stream to a callback in
 * id order where a check may visit every face or photo, so a large catalog is never held in memory. Every method
 * throws {@link CatalogException} with the database's own message on a database error.
 */
public final class IntegrityCheckStore {
    private static final String FACES_WITH_MANAGED_CROP = "FROM face_crops f WHERE f.crop_path IS NOT NULL"
            + " AND " + ManagedFolder.sqlContainsStored("f.crop_path");
    private static final String WELL_SIZED = "FROM face_crops f JOIN embedding_models m ON m.id = f.embedding_model_id"
            + " WHERE f.embedding IS NOT NULL AND typeof(f.embedding) = 'blob' AND length(f.embedding) = 4 * m.dimension";
    private static final String PHOTOS_WITH_FACES = "FROM photos p WHERE p.missing_since IS NULL"
            + " AND EXISTS (SELECT 1 FROM face_crops f WHERE f.photo_id = p.id)";

    /** A finding of an {@link IntegrityCheckQuery}: row id (null when none), path (or null) and detail sentence. */
    public record FindingRow(Long id, String path, String detail) {
    }

    /** A row id with a file path (a face's crop path, a photo's path). */
    public record PathRow(long id, String path) {
    }

    /** A face's embedding of the right size for its model, decoded (float32 little-endian). */
    public record EmbeddingRow(long faceId, String imagePath, float[] embedding) {
    }

    /**
     * A scan run with status 'running'.
     *
     * @param pid      recorded process id, null when none
     * @param host     recorded host name, null when none
     * @param laterRun true when another run started after it (by start time, then id)
     */
    public record RunningScan(long id, String startedAt, Long pid, String host, boolean laterRun) {
    }

    private IntegrityCheckStore() {
    }

    /** @return {@code library_settings.managed_dir} (with its trailing separator), or null when the setting is absent */
    public static String managedDirSetting(Tx tx) {
        return Jdbc.string(tx, "SELECT value FROM library_settings WHERE key = 'managed_dir'");
    }

    /** Streams every row of {@code query} to {@code sink}, in the query's order. */
    public static void findings(Tx tx, IntegrityCheckQuery query, Consumer<FindingRow> sink) {
        try (PreparedStatement ps = tx.connection().prepareStatement(query.sql()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                sink.accept(new FindingRow(rs.wasNull() ? null : id, rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /** @return how many faces have a crop path (any folder) */
    public static long countFacesWithCropPath(Tx tx) {
        return Jdbc.count(tx, "SELECT count(*) FROM face_crops WHERE crop_path IS NOT NULL");
    }

    /**
     * @return every path a row refers to that may name a file in the crops folder: crop files (absolute, resolved
     *         against where the library folder is now), and (in a corrupted catalog) image paths and photo paths inside
     *         the managed folder
     */
    public static Set<String> referencedCropPaths(Tx tx) {
        Set<String> paths = new HashSet<>();
        String sql = "SELECT " + ManagedFolder.sqlFile("crop_path") + " FROM face_crops WHERE crop_path IS NOT NULL"
                + " UNION ALL SELECT image_path FROM face_crops WHERE substr(image_path, 1, length(" + SQL_PREFIX + ")) = " + SQL_PREFIX
                + " UNION ALL SELECT path FROM photos WHERE substr(path, 1, length(" + SQL_PREFIX + ")) = " + SQL_PREFIX;
        try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                paths.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
        return paths;
    }

    /** @return how many faces have a crop path inside the managed folder */
    public static long countFacesWithManagedCrop(Tx tx) {
        return Jdbc.count(tx, "SELECT count(*) " + FACES_WITH_MANAGED_CROP);
    }

    /**
     * Streams (face id, crop file) of every face whose crop path lies inside the managed folder, in face id order; the
     * path is the absolute file, resolved against where the library folder is now.
     */
    public static void facesWithManagedCrop(Tx tx, Consumer<PathRow> sink) {
        Jdbc.paths(tx, "SELECT f.id, " + ManagedFolder.sqlFile("f.crop_path") + " " + FACES_WITH_MANAGED_CROP + " ORDER BY f.id", sink);
    }

    /** @return how many photos not marked missing have at least one face */
    public static long countPhotosWithFaces(Tx tx) {
        return Jdbc.count(tx, "SELECT count(*) " + PHOTOS_WITH_FACES);
    }

    /** Streams (photo id, path) of every photo not marked missing that has faces, in photo id order. */
    public static void photosWithFaces(Tx tx, Consumer<PathRow> sink) {
        Jdbc.paths(tx, "SELECT p.id, p.path " + PHOTOS_WITH_FACES + " ORDER BY p.id", sink);
    }

    /** @return the ids of a photo's faces, in id order */
    public static List<Long> faceIdsOfPhoto(Tx tx, long photoId) {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id FROM face_crops WHERE photo_id = ? ORDER BY id")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
        return out;
    }

    /** @return how many embeddings are BLOBs of 4 × their registered model's dimension bytes */
    public static long countWellSizedEmbeddings(Tx tx) {
        return Jdbc.count(tx, "SELECT count(*) " + WELL_SIZED);
    }

    /** Streams every embedding of the right size for its registered model, decoded, in face id order. */
    public static void wellSizedEmbeddings(Tx tx, Consumer<EmbeddingRow> sink) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT f.id, f.image_path, f.embedding " + WELL_SIZED + " ORDER BY f.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(new EmbeddingRow(rs.getLong(1), rs.getString(2), Embeddings.fromBytes(rs.getBytes(3))));
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /** @return every scan run with status 'running', in id order */
    public static List<RunningScan> runningScans(Tx tx) {
        List<RunningScan> out = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT r.id, r.started_at, r.pid, r.host,"
                + " EXISTS (SELECT 1 FROM scan_runs l WHERE l.started_at > r.started_at OR (l.started_at = r.started_at AND l.id > r.id))"
                + " FROM scan_runs r WHERE r.status = 'running' ORDER BY r.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long pid = rs.getLong(3);
                Long maybePid = rs.wasNull() ? null : pid;
                out.add(new RunningScan(rs.getLong(1), rs.getString(2), maybePid, rs.getString(4), rs.getBoolean(5)));
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
        return out;
    }

    /** @return the photo's path, or null when there is no such photo */
    public static String photoPath(Tx tx, long photoId) {
        return Jdbc.string(tx, "SELECT path FROM photos WHERE id = ?", photoId);
    }

    /**
     * @return the photo's size as "{@code width}x{@code height}" in pixels as stored (null when either is unknown),
     *         or "?" when there is no such photo
     */
    public static String photoSize(Tx tx, long photoId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT width || 'x' || height FROM photos WHERE id = ?")) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "?";
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /** Small helpers shared by the integrity check's stores. */
    static final class Jdbc {
        private Jdbc() {
        }

        static CatalogException failed(SQLException e) {
            // the check reports the database's own words ("the check could not run: database disk image is malformed")
            return new CatalogException(e.getMessage(), e);
        }

        static long count(Tx tx, String sql) {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        static String string(Tx tx, String sql, long... args) {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setLong(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        static void paths(Tx tx, String sql, Consumer<PathRow> sink) {
            try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new PathRow(rs.getLong(1), rs.getString(2)));
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }
    }
}
