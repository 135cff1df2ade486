package app.facet.core.browse;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.model.Photo;
import app.facet.model.ScanState;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only photo queries for the library grid. Every method opens its own connection (WAL lets it run
 * beside a scan) and may take longer than a frame on a big library: call it off the UI thread.
 */
public final class PhotoBrowser {
    /** Largest id list {@link #photos(long[])} sends in one statement (far below SQLite's variable limit). */
    static final int MAX_IDS_PER_QUERY = 500;

    /**
     * The photo date: EXIF taken-at, else the file's modification time, both as ISO-8601 UTC text so that
     * they sort and compare as strings. Used for the grid order and the date filter.
     */
    static final String PHOTO_DATE =
            "coalesce(p.taken_at, strftime('%Y-%m-%dT%H:%M:%fZ', p.mtime_ms / 1000.0, 'unixepoch'))";

    private static final String PHOTO_COLUMNS = "p.id, p.path, p.size_bytes, p.mtime_ms, p.content_hash, p.width, p.height,"
            + " p.taken_at, p.scan_state, p.failure_reason, p.detector, p.embedding_model_id, p.missing_since,"
            + " (SELECT count(*) FROM face_crops f WHERE f.photo_id = p.id AND f.not_a_face = 0) AS face_count";

    private final Catalog catalog;

    public PhotoBrowser(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return the ids of every photo passing {@code filter}, ordered by photo date, then path
     * @throws CatalogException when the catalog cannot be read
     */
    public PhotoSelection select(PhotoFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT p.id FROM photos p WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.folder() != null) {
            // A range on the path (not LIKE) so the unique index on path serves it, and so that '%' or '_'
            // in a folder name mean themselves. "/a/b" + "/" .. "/a/b" + ("/" + 1) holds exactly what is under /a/b.
            String prefix = withTrailingSeparator(filter.folder().toString());
            sql.append(" AND p.path >= ? AND p.path < ?");
            args.add(prefix);
            args.add(prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1));
        }
        if (filter.from() != null) {
            sql.append(" AND ").append(PHOTO_DATE).append(" >= ?");
            args.add(filter.from().toString());
        }
        if (filter.to() != null) {
            sql.append(" AND ").append(PHOTO_DATE).append(" < ?");
            args.add(filter.to().plusDays(1).toString());
        }
        if (filter.person() instanceof PersonFilter.Only only) {
            sql.append(" AND p.id IN (SELECT f.photo_id FROM face_crops f WHERE f.person_id = ? AND f.not_a_face = 0)");
            args.add(only.personId());
        } else if (filter.person() instanceof PersonFilter.Unknown) {
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
                        ids = java.util.Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = rs.getLong(1);
                }
            }
            return new PhotoSelection(filter, java.util.Arrays.copyOf(ids, n));
        } catch (SQLException e) {
            throw new CatalogException("Cannot list the photos of " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param ids photo ids, at most a few thousand (sent in batches of {@value #MAX_IDS_PER_QUERY})
     * @return the photos, in the order of {@code ids}; ids no longer in the catalog are left out
     */
    public List<Photo> photos(long[] ids) {
        Map<Long, Photo> byId = new HashMap<>(ids.length * 2);
        try (Connection c = catalog.connect()) {
            for (int from = 0; from < ids.length; from += MAX_IDS_PER_QUERY) {
                int to = Math.min(ids.length, from + MAX_IDS_PER_QUERY);
                String marks = "?,".repeat(to - from);
                String sql = "SELECT " + PHOTO_COLUMNS + " FROM photos p WHERE p.id IN (" + marks.substring(0, marks.length() - 1) + ")";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = from; i < to; i++) {
                        ps.setLong(i - from + 1, ids[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Photo p = map(rs);
                            byId.put(p.id(), p);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new CatalogException("Cannot read photos from " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
        List<Photo> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            Photo p = byId.get(id);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    public Optional<Photo> photo(long id) {
        List<Photo> one = photos(new long[]{id});
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** @return the number of catalogued photos (missing ones included) */
    public long count() {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM photos");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new CatalogException("Cannot count photos in " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }

    /** @return every folder that directly holds a catalogued photo, sorted by path */
    public List<Path> folders() {
        // rtrim(path, <path without separators>) strips the file name and keeps the trailing separator.
        String sql = "SELECT DISTINCT rtrim(path, replace(path, ?, '')) AS dir FROM photos ORDER BY dir";
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, File.separator);
            List<Path> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dir = rs.getString(1);
                    if (dir != null && !dir.isEmpty()) {
                        out.add(Path.of(dir));
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
                rs.getString("content_hash"), nullableInt(rs, "width"), nullableInt(rs, "height"), CatalogTimes.parse(rs.getString("taken_at"), id),
                ScanState.fromSql(rs.getString("scan_state")), rs.getString("failure_reason"), rs.getString("detector"),
                rs.getString("embedding_model_id"), rs.getString("missing_since") != null, rs.getInt("face_count"));
    }
}
