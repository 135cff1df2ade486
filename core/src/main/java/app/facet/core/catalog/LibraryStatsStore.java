package app.facet.core.catalog;

import app.facet.model.QualityLabel;

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
 * Whole-library counts of {@code photos} and {@code face_crops} for the face quality dashboard, each computed by SQL
 * (a 300k-face library is never loaded). Every method opens its own connection. Errors surface as
 * {@link CatalogException}.
 */
public final class LibraryStatsStore {
    private final Catalog catalog;

    public LibraryStatsStore(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @throws CatalogException on a database error */
    public PhotoStateCounts photoStates() {
        long[] p = longs("""
                SELECT count(*), coalesce(sum(missing_since IS NOT NULL), 0), coalesce(sum(scan_state = 'pending'), 0),
                       coalesce(sum(scan_state = 'done'), 0), coalesce(sum(scan_state = 'no_faces'), 0),
                       coalesce(sum(scan_state = 'failed'), 0)
                FROM photos""", 6, "Cannot count the library's coverage: ");
        return new PhotoStateCounts(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** @return failed photos by failure code, most frequent first @throws CatalogException on a database error */
    public List<FailureTally> failures() {
        List<FailureTally> out = new ArrayList<>();
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT CASE WHEN instr(failure_reason, ':') > 0 THEN substr(failure_reason, 1, instr(failure_reason, ':') - 1)
                            ELSE coalesce(failure_reason, 'unknown') END AS code, count(*), min(failure_reason)
                FROM photos WHERE scan_state = 'failed' GROUP BY code ORDER BY count(*) DESC, code""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new FailureTally(rs.getString(1), rs.getLong(2), rs.getString(3)));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot count the library's coverage: " + e.getMessage(), e);
        }
    }

    /** @throws CatalogException on a database error */
    public FaceStateCounts faceStates() {
        // embedding_model_id stands for the embedding (a CHECK keeps them together) without reading the blobs
        List<Object> params = new ArrayList<>();
        String dimension;
        try (Connection c = catalog.connect()) {
            dimension = EmbeddingDimensionCase.sql(c, params);
        } catch (SQLException e) {
            throw new CatalogException("Cannot count the library's coverage: " + e.getMessage(), e);
        }
        long[] f = longs("SELECT coalesce(sum(f.not_a_face = 0), 0), "
                + "coalesce(sum(f.not_a_face = 0 AND f.embedding_model_id IS NOT NULL), 0), "
                + "coalesce(sum(f.not_a_face = 0 AND f.person_id IS NOT NULL AND f.assigned_by = 'user'), 0), "
                + "coalesce(sum(f.not_a_face = 0 AND f.person_id IS NOT NULL AND f.assigned_by = 'auto'), 0), "
                + "coalesce(sum(f.not_a_face = 0 AND f.person_id IS NULL AND f.suggested_person_id IS NOT NULL), 0), "
                + "coalesce(sum(f.not_a_face = 0 AND f.person_id IS NULL AND f.suggested_person_id IS NULL), 0), "
                + "coalesce(sum(" + FaceListingStore.invalidSql(dimension) + "), 0), "
                + "coalesce(sum(f.not_a_face = 1), 0) "
                + "FROM face_crops f LEFT JOIN photos p ON p.id = f.photo_id", params, 8, "Cannot count the library's coverage: ");
        return new FaceStateCounts(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    }

    /**
     * @return faces (not "not a face") by overall quality score in ten bins of 0.1 (scores outside 0..1 go to the end
     *         bins), and those never measured
     * @throws CatalogException on a database error
     */
    public BinCounts qualityDeciles() {
        long[] bins = new long[10];
        long missing = 0;
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT CASE WHEN quality IS NULL THEN -1 ELSE min(max(CAST(quality * 10 AS INTEGER), 0), 9) END AS b, count(*)
                FROM face_crops WHERE not_a_face = 0 GROUP BY b""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int b = rs.getInt(1);
                if (b < 0) {
                    missing = rs.getLong(2);
                } else {
                    bins[b] = rs.getLong(2);
                }
            }
            return new BinCounts(bins, missing);
        } catch (SQLException e) {
            throw new CatalogException("Cannot compute the face distributions: " + e.getMessage(), e);
        }
    }

    /**
     * @param edges ascending bin edges in pixels, the first one 0: bin i holds sizes from {@code edges[i]} (inclusive)
     *              to {@code edges[i + 1]}, the last bin is open, smaller sizes go to bin 0
     * @return faces (not "not a face") by face size: the stored face size, else the shorter side of the box; and
     *         those with neither
     * @throws CatalogException on a database error
     */
    public BinCounts faceSizeBins(double[] edges) {
        StringBuilder bin = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int i = edges.length - 1; i >= 1; i--) {
            bin.append(" WHEN s >= ? THEN ?");
            params.add(edges[i]);
            params.add(i);
        }
        bin.append(" WHEN s IS NULL THEN -1 ELSE 0 END");
        long[] sizes = new long[edges.length];
        long missing = 0;
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + bin + " AS b, count(*) FROM (SELECT "
                + "coalesce(face_size_px, CASE WHEN w > 0 AND h > 0 THEN min(w, h) END) AS s FROM face_crops WHERE not_a_face = 0) GROUP BY b")) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int b = rs.getInt(1);
                    if (b < 0) {
                        missing = rs.getLong(2);
                    } else {
                        sizes[b] = rs.getLong(2);
                    }
                }
            }
            return new BinCounts(sizes, missing);
        } catch (SQLException e) {
            throw new CatalogException("Cannot compute the face distributions: " + e.getMessage(), e);
        }
    }

    /** @return faces (not "not a face") per stored quality label, every label present @throws CatalogException on a database error */
    public Map<QualityLabel, Long> qualityLabels() {
        Map<QualityLabel, Long> labels = new EnumMap<>(QualityLabel.class);
        for (QualityLabel l : QualityLabel.values()) {
            labels.put(l, 0L);
        }
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT quality_label, count(*) FROM face_crops WHERE not_a_face = 0 AND quality_label IS NOT NULL GROUP BY quality_label");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                labels.put(QualityLabel.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getLong(2));
            }
            return labels;
        } catch (SQLException e) {
            throw new CatalogException("Cannot compute the face distributions: " + e.getMessage(), e);
        }
    }

    /**
     * @param top most people to return
     * @return people with at least one face, most faces first, then by name (case-insensitive) and id
     * @throws CatalogException on a database error
     */
    public List<PersonFaceTotals> personTotals(int top) {
        List<PersonFaceTotals> out = new ArrayList<>();
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT p.id, p.name, count(*), count(DISTINCT f.photo_id),
                       sum(f.assigned_by = 'user'), sum(f.assigned_by = 'auto')
                FROM face_crops f JOIN persons p ON p.id = f.person_id
                WHERE f.not_a_face = 0
                GROUP BY p.id ORDER BY count(*) DESC, p.name COLLATE NOCASE, p.id LIMIT ?""")) {
            ps.setInt(1, Math.max(0, top));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PersonFaceTotals(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot count the faces per person: " + e.getMessage(), e);
        }
    }

    private long[] longs(String sql, int n, String failure) {
        return longs(sql, List.of(), n, failure);
    }

    /** @param params the statement's parameters, numbered ({@link EmbeddingDimensionCase#bind}) */
    private long[] longs(String sql, List<Object> params, int n, String failure) {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            EmbeddingDimensionCase.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                long[] out = new long[n];
                if (rs.next()) {
                    for (int i = 0; i < n; i++) {
                        out[i] = rs.getLong(i + 1);
                    }
                }
                return out;
            }
        } catch (SQLException e) {
            throw new CatalogException(failure + e.getMessage(), e);
        }
    }
}
