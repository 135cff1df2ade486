package app.facet.core.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The one SQL expression for the registered dimension of a face row's embedding model (f = face_crops):
 * {@code CASE f.embedding_model_id WHEN ?n THEN ?m ... ELSE NULL END} over the few registered models, whose ids and
 * dimensions are bound parameters; {@code NULL} when no model is registered yet (a CASE without WHEN is a syntax
 * error). A CASE over the few models costs less per row than a join on {@code embedding_models}.
 * <p>
 * Its parameters are numbered ({@code ?NNN}), so the expression may recur anywhere in a statement; every other
 * parameter of that statement must be numbered too ({@link #param}), since an anonymous {@code ?} takes the number
 * after the largest one to its left. Bind the list in order: {@link #bind}.
 */
final class EmbeddingDimensionCase {
    private EmbeddingDimensionCase() {
    }

    /**
     * Reads the registered models and appends each one's id and dimension to {@code params}.
     *
     * @return the expression, its parameters numbered by their place in {@code params} (from 1)
     * @throws SQLException when embedding_models cannot be read
     */
    static String sql(Connection c, List<Object> params) throws SQLException {
        StringBuilder sb = new StringBuilder("CASE f.embedding_model_id");
        boolean any = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, dimension FROM embedding_models"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sb.append(" WHEN ").append(param(params, rs.getString(1))).append(" THEN ").append(param(params, rs.getLong(2)));
                any = true;
            }
        }
        return any ? sb.append(" ELSE NULL END").toString() : "NULL";
    }

    /** Appends {@code value} to {@code params}. @return its numbered placeholder, e.g. {@code ?3} */
    static String param(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    /** Binds {@code params} to the numbered placeholders {@code ?1 .. ?n}. */
    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
