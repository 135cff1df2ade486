package app.facet.core.dashboard;

import app.facet.core.browse.PersonFilter;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.validation.FaceRowRevalidator;
import app.facet.model.QualityLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Read side of the face quality dashboard: coverage, distributions, faces per person and a paged, sortable,
 * filterable face listing. Every number is computed by SQL over the whole catalog (a 300k-face library is never
 * loaded at once); only the page asked for is read row by row.
 * <p>
 * Broken rows are shown, never hidden and never fatal: a row flagged invalid, or one that breaks a rule now (its
 * image_path names a face crop, its photo or crop file is gone, its box is degenerate or outside the image), is
 * listed as invalid with every reason. Thread-safe; call off the UI thread.
 *
 * @see FaceRowRevalidator which stores the invalid flags {@link #revalidate()} refreshes
 */
public final class FaceDashboard {
    private static final Logger log = LoggerFactory.getLogger(FaceDashboard.class);

    /** Face size bin edges in pixels; see {@link Distributions#faceSize()}. */
    static final double[] SIZE_EDGES = {0, 24, 32, 48, 64, 96, 112, 160, 256, 512};

    private final Catalog catalog;
    private final FaceListingReader reader;

    public FaceDashboard(Catalog catalog) {
        this.catalog = catalog;
        this.reader = new FaceListingReader(catalog.location());
    }

    /**
     * Re-applies the validation rules to every stored face row (flags broken rows invalid, clears the flag of rows
     * that are fine again), so that the counts below include rows broken outside Facet. One transaction.
     *
     * @throws CatalogException on a database error
     */
    public FaceRowRevalidator.Result revalidate() {
        return new FaceRowRevalidator(catalog).run();
    }

    /** @throws CatalogException on a database error */
    public Coverage coverage() {
        try (Connection c = catalog.connect()) {
            long[] p = longs(c, """
                    SELECT count(*), coalesce(sum(missing_since IS NOT NULL), 0), coalesce(sum(scan_state = 'pending'), 0),
                           coalesce(sum(scan_state = 'done'), 0), coalesce(sum(scan_state = 'no_faces'), 0),
                           coalesce(sum(scan_state = 'failed'), 0)
                    FROM photos""", 6);
            List<Coverage.FailureCount> failures = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT CASE WHEN instr(failure_reason, ':') > 0 THEN substr(failure_reason, 1, instr(failure_reason, ':') - 1)
                                ELSE coalesce(failure_reason, 'unknown') END AS code, count(*), min(failure_reason)
                    FROM photos WHERE scan_state = 'failed' GROUP BY code ORDER BY count(*) DESC, code""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    failures.add(new Coverage.FailureCount(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
            // embedding_model_id stands for the embedding (a CHECK keeps them together) without reading the blobs
            long[] f = longs(c, "SELECT coalesce(sum(f.not_a_face = 0), 0), "
                    + "coalesce(sum(f.not_a_face = 0 AND f.embedding_model_id IS NOT NULL), 0), "
                    + "coalesce(sum(f.not_a_face = 0 AND f.person_id IS NOT NULL AND f.assigned_by = 'user'), 0), "
                    + "coalesce(sum(f.not_a_face = 0 AND f.person_id IS NOT NULL AND f.assigned_by = 'auto'), 0), "
                    + "coalesce(sum(f.not_a_face = 0 AND f.person_id IS NULL AND f.suggested_person_id IS NOT NULL), 0), "
                    + "coalesce(sum(f.not_a_face = 0 AND f.person_id IS NULL AND f.suggested_person_id IS NULL), 0), "
                    + "coalesce(sum(" + FaceListingReader.INVALID_SQL + "), 0), "
                    + "coalesce(sum(f.not_a_face = 1), 0) "
                    + "FROM face_crops f LEFT JOIN photos ph ON ph.id = f.photo_id", 8);
            return new Coverage(p[0], p[1], p[2], p[4] + p[5] + p[3], p[3], p[4], p[5], failures,
                    f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
        } catch (SQLException e) {
            throw new CatalogException("Cannot count the library's coverage: " + e.getMessage(), e);
        }
    }

    /** @throws CatalogException on a database error */
    public Distributions distributions() {
        try (Connection c = catalog.connect()) {
            long[] quality = new long[10];
            long qualityMissing = 0;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT CASE WHEN quality IS NULL THEN -1 ELSE min(max(CAST(quality * 10 AS INTEGER), 0), 9) END AS b, count(*)
                    FROM face_crops WHERE not_a_face = 0 GROUP BY b""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int b = rs.getInt(1);
                    if (b < 0) {
                        qualityMissing = rs.getLong(2);
                    } else {
                        quality[b] = rs.getLong(2);
                    }
                }
            }
            List<Histogram.Bin> qBins = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                qBins.add(new Histogram.Bin(String.format(Locale.ROOT, "%.1f–%.1f", i / 10.0, (i + 1) / 10.0), i / 10.0, (i + 1) / 10.0, quality[i]));
            }

            StringBuilder bin = new StringBuilder("CASE");
            for (int i = SIZE_EDGES.length - 1; i >= 1; i--) {
                bin.append(" WHEN s >= ").append(SIZE_EDGES[i]).append(" THEN ").append(i);
            }
            bin.append(" WHEN s IS NULL THEN -1 ELSE 0 END");
            long[] sizes = new long[SIZE_EDGES.length];
            long sizeMissing = 0;
            // the stored face size, else the box's shorter side (the same measure) for rows stored without quality
            try (PreparedStatement ps = c.prepareStatement("SELECT " + bin + " AS b, count(*) FROM (SELECT "
                    + "coalesce(face_size_px, CASE WHEN w > 0 AND h > 0 THEN min(w, h) END) AS s FROM face_crops WHERE not_a_face = 0) GROUP BY b");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int b = rs.getInt(1);
                    if (b < 0) {
                        sizeMissing = rs.getLong(2);
                    } else {
                        sizes[b] = rs.getLong(2);
                    }
                }
            }
            List<Histogram.Bin> sBins = new ArrayList<>();
            for (int i = 0; i < SIZE_EDGES.length; i++) {
                boolean last = i == SIZE_EDGES.length - 1;
                String label = last ? "≥ " + (int) SIZE_EDGES[i] + " px" : (int) SIZE_EDGES[i] + "–" + (int) SIZE_EDGES[i + 1] + " px";
                sBins.add(new Histogram.Bin(label, SIZE_EDGES[i], last ? Double.POSITIVE_INFINITY : SIZE_EDGES[i + 1], sizes[i]));
            }

            Map<QualityLabel, Long> labels = new EnumMap<>(QualityLabel.class);
            for (QualityLabel l : QualityLabel.values()) {
                labels.put(l, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT quality_label, count(*) FROM face_crops WHERE not_a_face = 0 AND quality_label IS NOT NULL GROUP BY quality_label");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.put(QualityLabel.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getLong(2));
                }
            }
            return new Distributions(new Histogram("overall quality score", qBins, qualityMissing),
                    new Histogram("face size", sBins, sizeMissing), labels);
        } catch (SQLException e) {
            throw new CatalogException("Cannot compute the face distributions: " + e.getMessage(), e);
        }
    }

    /**
     * @param top most people to return, those with the most faces first
     * @return faces per person (people without faces left out), then one "Unknown" entry for faces on no person when
     *         there are any
     * @throws CatalogException on a database error
     */
    public List<PersonFaceCount> facesPerPerson(int top) {
        List<PersonFaceCount> out = new ArrayList<>();
        try (Connection c = catalog.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.id, p.name, count(*), count(DISTINCT f.photo_id),
                           sum(f.assigned_by = 'user'), sum(f.assigned_by = 'auto')
                    FROM face_crops f JOIN persons p ON p.id = f.person_id
                    WHERE f.not_a_face = 0
                    GROUP BY p.id ORDER BY count(*) DESC, p.name COLLATE NOCASE, p.id LIMIT ?""")) {
                ps.setInt(1, Math.max(0, top));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PersonFaceCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                    }
                }
            }
            long[] unknown = longs(c, "SELECT count(*), count(DISTINCT photo_id) FROM face_crops WHERE person_id IS NULL AND not_a_face = 0", 2);
            if (unknown[0] > 0) {
                out.add(new PersonFaceCount(null, "Unknown", unknown[0], unknown[1], 0, 0));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot count the faces per person: " + e.getMessage(), e);
        }
    }

    /**
     * One page of the face listing. Rows that cannot even be read are listed as invalid ({@code row_unreadable}).
     *
     * @throws CatalogException on a database error
     */
    public FacePage faces(FaceQuery query) {
        List<Object> params = new ArrayList<>();
        String where = where(query, params);
        try (Connection c = catalog.connect()) {
            long total;
            // the count needs the photo only for the validity test
            String from = where.contains("ph.") ? "face_crops f LEFT JOIN photos ph ON ph.id = f.photo_id" : "face_crops f";
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + from + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<FaceListing> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(FaceListingReader.SELECT + where + " ORDER BY " + order(query)
                    + " LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(query.limit());
                all.add(query.offset());
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
            }
            return new FacePage(rows, total, query.offset());
        } catch (SQLException e) {
            throw new CatalogException("Cannot list the faces: " + e.getMessage(), e);
        }
    }

    /** @return the listing rows of these faces (unknown ids left out), read as {@link #faces} reads them */
    public List<FaceListing> facesById(List<Long> faceIds) {
        List<FaceListing> out = new ArrayList<>();
        try (Connection c = catalog.connect();
             PreparedStatement ps = c.prepareStatement(FaceListingReader.SELECT + " WHERE f.id = ?")) {
            for (long id : faceIds) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(reader.read(rs));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read faces " + faceIds + ": " + e.getMessage(), e);
        }
    }

    private static String where(FaceQuery q, List<Object> params) {
        List<String> terms = new ArrayList<>();
        switch (q.quality()) {
            case ANY -> { }
            case NOT_MEASURED -> terms.add("f.quality IS NULL");
            default -> {
                terms.add("f.quality_label = ?");
                params.add(q.quality().label().name().toLowerCase(Locale.ROOT));
            }
        }
        if (q.person() instanceof PersonFilter.Only only) {
            terms.add("f.person_id = ?");
            params.add(only.personId());
        } else if (q.person() instanceof PersonFilter.Unknown) {
            terms.add("f.person_id IS NULL AND f.not_a_face = 0");
        }
        switch (q.status()) {
            case ALL -> { }
            case INVALID -> terms.add("(" + FaceListingReader.INVALID_SQL + ")");
            case VALID -> terms.add("NOT (" + FaceListingReader.INVALID_SQL + ") AND f.not_a_face = 0");
            case USER -> terms.add("f.not_a_face = 0 AND f.person_id IS NOT NULL AND f.assigned_by = 'user'");
            case AUTO -> terms.add("f.not_a_face = 0 AND f.person_id IS NOT NULL AND f.assigned_by = 'auto'");
            case SUGGESTED -> terms.add("f.not_a_face = 0 AND f.person_id IS NULL AND f.suggested_person_id IS NOT NULL");
            case UNKNOWN -> terms.add("f.not_a_face = 0 AND f.person_id IS NULL AND f.suggested_person_id IS NULL");
            case NOT_A_FACE -> terms.add("f.not_a_face = 1");
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static String order(FaceQuery q) {
        String dir = q.descending() ? " DESC" : " ASC";
        String key = switch (q.sort()) {
            // unmeasured faces last either way; the expressions match the indexes of V40 so no sort is needed
            case QUALITY -> (q.descending() ? "coalesce(f.quality, -1)" : "coalesce(f.quality, 2)") + dir;
            case FACE_SIZE -> "coalesce(f.face_size_px, min(f.w, f.h))" + dir;
            case DETECTION_SCORE -> "f.detection_score" + dir;
            case SHARPNESS -> "f.sharpness IS NULL, f.sharpness" + dir;
            case PERSON -> "pe.name IS NULL, pe.name COLLATE NOCASE" + dir;
            // the stored flag (refreshed by revalidate(), which the window runs when it opens), so that the index of V40
            // serves the order; a row broken since is still shown invalid by the per-row check of its page
            case STATUS -> "(CASE WHEN f.status = 'invalid' THEN 0 WHEN f.not_a_face = 1 THEN 5 "
                    + "WHEN f.person_id IS NULL AND f.suggested_person_id IS NULL THEN 1 WHEN f.person_id IS NULL THEN 2 "
                    + "WHEN f.assigned_by = 'auto' THEN 3 ELSE 4 END)" + dir + ", coalesce(f.quality, 2)" + dir;
            case PHOTO -> "ph.path IS NULL, ph.path" + dir + ", f.x" + dir;
            case FACE_ID -> "f.id" + dir;
        };
        return key + ", f.id" + dir;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static long[] longs(Connection c, String sql, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            long[] out = new long[n];
            if (rs.next()) {
                for (int i = 0; i < n; i++) {
                    out[i] = rs.getLong(i + 1);
                }
            }
            return out;
        }
    }
}
