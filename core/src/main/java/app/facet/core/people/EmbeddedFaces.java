package app.facet.core.people;

import app.facet.core.catalog.Embeddings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the embedded faces the people features work on, grouped by embedding model. */
final class EmbeddedFaces {
    private EmbeddedFaces() {
    }

    /**
     * An unknown face: unassigned, valid, embedded, not "not a face".
     *
     * @param faceSizePx null when not measured
     * @param quality    overall quality in [0, 1], null when not measured
     */
    record Unknown(long id, float[] embedding, Double faceSizePx, double detectionScore, Double quality, Long suggestedPersonId) {
    }

    /** A face on a person, for the recognition gallery. */
    record Known(long id, long personId, float[] embedding, boolean byUser) {
    }

    static final String UNKNOWN_WHERE = "f.person_id IS NULL AND f.not_a_face = 0 AND f.status = 'valid' AND f.embedding IS NOT NULL";

    /** @return unknown faces per embedding model, in id order */
    static Map<String, List<Unknown>> unknown(Connection c) throws SQLException {
        Map<String, List<Unknown>> byModel = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.id, f.embedding_model_id, f.embedding, f.face_size_px, "
                + "f.detection_score, f.quality, f.suggested_person_id FROM face_crops f WHERE " + UNKNOWN_WHERE + " ORDER BY f.id")) {
            ps.setFetchSize(5_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byModel.computeIfAbsent(rs.getString(2), m -> new ArrayList<>()).add(new Unknown(rs.getLong(1),
                            Embeddings.fromBytes(rs.getBytes(3)), nullableDouble(rs, 4), rs.getDouble(5), nullableDouble(rs, 6),
                            PeopleSnapshot.getLong(rs, 7)));
                }
            }
        }
        return byModel;
    }

    /** @return faces on persons (valid, embedded, not "not a face") per embedding model */
    static Map<String, List<Known>> known(Connection c) throws SQLException {
        Map<String, List<Known>> byModel = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.id, f.embedding_model_id, f.person_id, f.embedding, f.assigned_by "
                + "FROM face_crops f WHERE f.person_id IS NOT NULL AND f.not_a_face = 0 AND f.status = 'valid' "
                + "AND f.embedding IS NOT NULL ORDER BY f.person_id, f.id")) {
            ps.setFetchSize(5_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byModel.computeIfAbsent(rs.getString(2), m -> new ArrayList<>()).add(new Known(rs.getLong(1), rs.getLong(3),
                            Embeddings.fromBytes(rs.getBytes(4)), "user".equals(rs.getString(5))));
                }
            }
        }
        return byModel;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
