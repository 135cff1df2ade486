package app.facet.core.catalog;

import app.facet.model.Photo;
import app.facet.model.ScanState;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read-only photo listings of the library grid ({@code photos}, with face counts from {@code face_crops}). Every
 * method opens its own connection (WAL lets it run beside a scan). Errors surface as {@link CatalogException}.
 */
public final class PhotoListingStore {
    /**
     * The photo date: EXIF taken-at, else the file's modification time, both as ISO-8601 UTC text so that they sort
     * and compare as strings. Used for the grid order and the date filter.
     */
    static final String PHOTO_DATE =
            "coalesce(p.taken_at, strftime('%Y-%m-%dT%H:%M:%fZ', p.mtime_ms / 1000.0, 'unixepoch'))";

    private static final String PHOTO_COLUMNS = "p.id, p.path, p.size_bytes, p.mtime_ms, p.content_hash, p.width, p.height,"
            + " p.taken_at, p.scan_state, p.failure_reason, p.detector, p.embedding_model_id, p.missing_since,"
            + " (SELECT count(*) FROM face_crops f WHERE f.photo_id = p.id AND f.not_a_face = 0) AS face_count";

    private final Catalog catalog;

    public PhotoListingStore(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return the ids of every photo {@code query} selects, ordered by photo date, then path
     * @throws CatalogException when the catalog cannot be read
     */
    public long[] selectIds(PhotoListingQuery query) {
        StringBuilder sql = new StringBuilder("SELECT p.id FROM photos p WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.folder() != null) {
            // A range on the path (not LIKE) so the unique index on path serves it, and so that '%' or '_'
            // in a folder name mean themselves. "/a/b" + "/" .. "/a/b" + ("/" + 1) holds exactly what is under /a/b.
            String prefix = withTrailingSeparator(query.folder());
            sql.append(" AND p.path >= ? AND p.path < ?");
            args.add(prefix);
            args.add(prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1));
        }
        if (query.from() != null) {
            sql.append(" AND ").append(PHOTO_DATE).append(" >= ?");
            args.add(query.from().toString());
        }
        if (query.to() != null) {
            sql.append(" AND ").append(PHOTO_DATE).append(" < ?");
            args.add(query.to().plusDays(1).toString());
        }
        if (query.personId() != null) {
            sql.append(" AND p.id IN (SELECT f.photo_id FROM face_crops f WHERE f.person_id = ? AND f.not_a_face = 0)");
            args.add(query.personId());
        } else if (query.unknownOnly()) {
            sql.append(" AND p.id IN (SELECT f.photo_id FROM face_crops f WHERE f.person_id IS NULL AND f.not_a_face = 0)");
        }
        sql.append(" ORDER BY ").append(PHOTO_DATE).append(", p.path");
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            long[] ids = new long[1024];
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = rs.getLong(1);
                }
            }
            return Arrays.copyOf(ids, n);
        } catch (SQLException e) {
            throw new CatalogException("Cannot list the photos of " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param ids photo ids, bound as one parameter ({@link IdList})
     * @return the photos found, by id (ids no longer in the catalog are absent)
     * @throws CatalogException when the catalog cannot be read
     */
    public Map<Long, Photo> photos(Collection<Long> ids) {
        Map<Long, Photo> byId = new HashMap<>(ids.size() * 2);
        String sql = "SELECT " + PHOTO_COLUMNS + " FROM photos p WHERE p.id" + IdList.IN;
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            IdList.bind(ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Photo p = map(rs);
                    byId.put(p.id(), p);
                }
            }
            return byId;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read photos from " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }

    /** @return the number of catalogued photos (missing ones included) @throws CatalogException on a database error */
    public long count() {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM photos");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new CatalogException("Cannot count photos in " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return every folder that directly holds a catalogued photo, as path text with its trailing separator, sorted
     * @throws CatalogException on a database error
     */
    public List<String> folders() {
        // rtrim(path, <path without separators>) strips the file name and keeps the trailing separator.
        String sql = "SELECT DISTINCT rtrim(path, replace(path, ?, '')) AS dir FROM photos ORDER BY dir";
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, File.separator);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dir = rs.getString(1);
                    if (dir != null && !dir.isEmpty()) {
                        out.add(dir);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot list folders in " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }

    private static String withTrailingSeparator(String folder) {
        return folder.endsWith(File.separator) ? folder : folder + File.separator;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Photo map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Photo(id, rs.getString("path"), rs.getLong("size_bytes"), rs.getLong("mtime_ms"),
                rs.getString("content_hash"), nullableInt(rs, "width"), nullableInt(rs, "height"),
                CatalogTimes.parse(rs.getString("taken_at"), id), ScanState.fromSql(rs.getString("scan_state")),
                rs.getString("failure_reason"), rs.getString("detector"), rs.getString("embedding_model_id"),
                rs.getString("missing_since") != null, rs.getInt("face_count"));
    }
}
