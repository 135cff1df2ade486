package app.facet.core.catalog;

import app.facet.core.rules.FaceRule;
import app.facet.model.AssignedBy;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The face quality dashboard's listing of {@code face_crops} (with its photo, persons and embedding model): a paged,
 * sorted, filtered page, or rows by id. Only the page asked for is read row by row; a row that cannot be read is
 * returned with {@link FaceListingRow#readError()}, never thrown on. Errors of the database surface as
 * {@link CatalogException}.
 */
public final class FaceListingStore {
    private static final Logger log = LoggerFactory.getLogger(FaceListingStore.class);

    /**
     * True for a row that is flagged invalid or that SQL alone can see breaks a face-row rule (columns f =
     * face_crops, p = its photo, LEFT JOINed; the one rule set of {@link FaceRule}). The file-system rules are left to
     * the per-row check of the page shown.
     *
     * @param dimension the embedding model's dimension as an SQL expression over f ({@link EmbeddingDimensionCase})
     */
    static String invalidSql(String dimension) {
        return "(f.status = 'invalid' OR " + FaceRule.sqlAnyViolation(dimension) + ")";
    }

    private static final String SELECT = "SELECT f.id, f.photo_id, p.path, f.image_path, f.crop_path, f.x, f.y, f.w, f.h, "
            + "f.detection_score, f.detector, f.face_size_px, f.sharpness, f.brightness, f.contrast, f.frontal_pose, "
            + "f.quality, f.quality_label, f.embedding, f.embedding_model_id, em.dimension, f.person_id, pe.name, "
            + "f.assigned_by, sp.name, f.suggested_person_id, f.not_a_face, f.status, f.invalid_reason, "
            + "p.width, p.height, "
            + "EXISTS (SELECT 1 FROM face_crops k WHERE k.crop_path = f.image_path) "
            + "FROM face_crops f LEFT JOIN photos p ON p.id = f.photo_id LEFT JOIN persons pe ON pe.id = f.person_id "
            + "LEFT JOIN persons sp ON sp.id = f.suggested_person_id LEFT JOIN embedding_models em ON em.id = f.embedding_model_id";

    private final Catalog catalog;

    public FaceListingStore(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return the page {@code query} asks for, and how many rows match its filters
     * @throws CatalogException on a database error
     */
    public FaceListingPage page(FaceListingQuery query) {
        List<Object> params = new ArrayList<>();
        try (Connection c = catalog.connect()) {
            // the count needs the photo, and the filter the models' dimensions, only for the validity test (a parameter
            // bound but absent from the statement is an error)
            boolean validity = query.status() == FaceListingQuery.Status.INVALID || query.status() == FaceListingQuery.Status.VALID;
            String where = where(query, params, validity ? EmbeddingDimensionCase.sql(c, params) : null);
            long total;
            String from = validity ? "face_crops f LEFT JOIN photos p ON p.id = f.photo_id" : "face_crops f";
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + from + where)) {
                EmbeddingDimensionCase.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<FaceListingRow> rows = new ArrayList<>();
            List<Object> all = new ArrayList<>(params);
            String page = " LIMIT " + EmbeddingDimensionCase.param(all, query.limit()) + " OFFSET " + EmbeddingDimensionCase.param(all, query.offset());
            try (PreparedStatement ps = c.prepareStatement(SELECT + where + " ORDER BY " + order(query) + page)) {
                EmbeddingDimensionCase.bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
            }
            return new FaceListingPage(rows, total);
        } catch (SQLException e) {
            throw new CatalogException("Cannot list the faces: " + e.getMessage(), e);
        }
    }

    /**
     * @return the rows of these faces, in the order given (unknown ids left out)
     * @throws CatalogException on a database error
     */
    public List<FaceListingRow> byIds(List<Long> faceIds) {
        List<FaceListingRow> out = new ArrayList<>();
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(SELECT + " WHERE f.id = ?")) {
            for (long id : faceIds) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read faces " + faceIds + ": " + e.getMessage(), e);
        }
    }

    private static FaceListingRow read(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        try {
            return map(rs, id);
        } catch (SQLException | RuntimeException e) {
            // a value no code path of ours writes (e.g. text in a number column): the row is still listed, with why
            log.warn("event=face_row_unreadable face_id={} error=\"{}\"", id, e.toString());
            return FaceListingRow.unreadable(id, rs.getLong(2), e.getMessage());
        }
    }

    private static FaceListingRow map(ResultSet rs, long id) throws SQLException {
        QualityMetrics quality = null;
        Double overall = number(rs, 17);
        if (overall != null) {
            String stored = rs.getString(18);
            QualityLabel label = stored != null ? QualityLabel.valueOf(stored.toUpperCase(Locale.ROOT)) : QualityLabel.of(overall);
            quality = new QualityMetrics(nan(rs, 12), nan(rs, 13), nan(rs, 14), nan(rs, 15), nan(rs, 16), overall, label);
        }
        byte[] blob = rs.getBytes(19);
        float[] embedding = blob == null ? null : blob.length % 4 == 0 ? Embeddings.fromBytes(blob) : new float[0];
        return new FaceListingRow(id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getString(11),
                quality, embedding, blob != null, rs.getString(20), (Integer) rs.getObject(21), longOrNull(rs, 22),
                rs.getString(23), AssignedBy.fromSql(rs.getString(24)), longOrNull(rs, 26),
                rs.getString(25), rs.getInt(27) == 1, "invalid".equals(rs.getString(28)), rs.getString(29),
                (Integer) rs.getObject(30), (Integer) rs.getObject(31), rs.getInt(32) == 1, null);
    }

    /**
     * The filters of {@code q}; their parameters are numbered, appended to {@code params} (see {@link EmbeddingDimensionCase}).
     *
     * @param dimension {@link EmbeddingDimensionCase}'s expression; used (and non-null) only for the validity filters
     */
    private static String where(FaceListingQuery q, List<Object> params, String dimension) {
        List<String> terms = new ArrayList<>();
        if (q.quality() != null) {
            terms.add("f.quality_label = " + EmbeddingDimensionCase.param(params, q.quality().name().toLowerCase(Locale.ROOT)));
        } else if (q.notMeasured()) {
            terms.add("f.quality IS NULL");
        }
        if (q.personId() != null) {
            terms.add("f.person_id = " + EmbeddingDimensionCase.param(params, q.personId()));
        } else if (q.unknownOnly()) {
            terms.add("f.person_id IS NULL AND f.not_a_face = 0");
        }
        switch (q.status()) {
            case ALL -> { }
            case INVALID -> terms.add(invalidSql(dimension));
            case VALID -> terms.add("NOT " + invalidSql(dimension) + " AND f.not_a_face = 0");
            case USER -> terms.add("f.not_a_face = 0 AND f.person_id IS NOT NULL AND f.assigned_by = 'user'");
            case AUTO -> terms.add("f.not_a_face = 0 AND f.person_id IS NOT NULL AND f.assigned_by = 'auto'");
            case SUGGESTED -> terms.add("f.not_a_face = 0 AND f.person_id IS NULL AND f.suggested_person_id IS NOT NULL");
            case UNKNOWN -> terms.add("f.not_a_face = 0 AND f.person_id IS NULL AND f.suggested_person_id IS NULL");
            case NOT_A_FACE -> terms.add("f.not_a_face = 1");
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static String order(FaceListingQuery q) {
        String dir = q.descending() ? " DESC" : " ASC";
        String key = switch (q.sort()) {
            // unmeasured faces last either way; the expressions match the indexes of V40 so no sort is needed
            case QUALITY -> (q.descending() ? "coalesce(f.quality, -1)" : "coalesce(f.quality, 2)") + dir;
            case FACE_SIZE -> "coalesce(f.face_size_px, min(f.w, f.h))" + dir;
            case DETECTION_SCORE -> "f.detection_score" + dir;
            case SHARPNESS -> "f.sharpness IS NULL, f.sharpness" + dir;
            case PERSON -> "pe.name IS NULL, pe.name COLLATE NOCASE" + dir;
            // the stored flag (refreshed by revalidation, which the window runs when it opens), so that the index of V40
            // serves the order; a row broken since is still shown invalid by the per-row check of its page
            case STATUS -> "(CASE WHEN f.status = 'invalid' THEN 0 WHEN f.not_a_face = 1 THEN 5 "
                    + "WHEN f.person_id IS NULL AND f.suggested_person_id IS NULL THEN 1 WHEN f.person_id IS NULL THEN 2 "
                    + "WHEN f.assigned_by = 'auto' THEN 3 ELSE 4 END)" + dir + ", coalesce(f.quality, 2)" + dir;
            case PHOTO -> "p.path IS NULL, p.path" + dir + ", f.x" + dir;
            case FACE_ID -> "f.id" + dir;
        };
        return key + ", f.id" + dir;
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static double nan(ResultSet rs, int column) throws SQLException {
        Double v = number(rs, column);
        return v == null ? Double.NaN : v;
    }
}
