package app.facet.core.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded faces that clustering and recognition work on, grouped by embedding model, and the cluster ids of
 * unknown faces ({@code face_crops.cluster_id}); on the connection (and transaction) of a {@link PeopleTables}.
 * Embeddings are decoded with {@link Embeddings}. Errors: {@link CatalogException}.
 */
public final class EmbeddedFaceStore {
    /** An unknown face: unassigned, valid, embedded, not "not a face". */
    static final String UNKNOWN_WHERE = "f.person_id IS NULL AND f.not_a_face = 0 AND f.status = 'valid' AND f.embedding IS NOT NULL";
    private static final int FETCH = 5_000;
    private static final int BATCH = 1_000;

    private final Connection c;

    EmbeddedFaceStore(Connection c) {
        this.c = c;
    }

    /**
     * An unknown face: unassigned, valid, embedded, not "not a face".
     *
     * @param embedding  L2-normalised, as stored
     * @param faceSizePx null when not measured
     * @param quality    overall quality in [0, 1], null when not measured
     */
    public record Unknown(long id, float[] embedding, Double faceSizePx, double detectionScore, Double quality, Long suggestedPersonId) {
    }

    /** A face on a person, for the recognition gallery; {@code byUser} when {@code assigned_by=user}. */
    public record Known(long id, long personId, float[] embedding, boolean byUser) {
    }

    /** One unknown face of a stored cluster. */
    public record ClusterMember(long clusterId, long faceId, String embeddingModelId) {
    }

    /** @return unknown faces per embedding model, in id order */
    public Map<String, List<Unknown>> unknown() {
        Map<String, List<Unknown>> byModel = new LinkedHashMap<>();
        return PeopleJdbc.call(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.id, f.embedding_model_id, f.embedding, f.face_size_px, "
                    + "f.detection_score, f.quality, f.suggested_person_id FROM face_crops f WHERE " + UNKNOWN_WHERE + " ORDER BY f.id")) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byModel.computeIfAbsent(rs.getString(2), m -> new ArrayList<>()).add(new Unknown(rs.getLong(1),
                                Embeddings.fromBytes(rs.getBytes(3)), PeopleJdbc.doubleOrNull(rs, 4), rs.getDouble(5),
                                PeopleJdbc.doubleOrNull(rs, 6), PeopleJdbc.longOrNull(rs, 7)));
                    }
                }
            }
            return byModel;
        });
    }

    /** @return faces on persons (valid, embedded, not "not a face") per embedding model, by person then id */
    public Map<String, List<Known>> known() {
        Map<String, List<Known>> byModel = new LinkedHashMap<>();
        return PeopleJdbc.call(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.id, f.embedding_model_id, f.person_id, f.embedding, f.assigned_by "
                    + "FROM face_crops f WHERE f.person_id IS NOT NULL AND f.not_a_face = 0 AND f.status = 'valid' "
                    + "AND f.embedding IS NOT NULL ORDER BY f.person_id, f.id")) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byModel.computeIfAbsent(rs.getString(2), m -> new ArrayList<>()).add(new Known(rs.getLong(1), rs.getLong(3),
                                Embeddings.fromBytes(rs.getBytes(4)), "user".equals(rs.getString(5))));
                    }
                }
            }
            return byModel;
        });
    }

    /**
     * Replaces every stored cluster id: all are cleared, then {@code faceIds[i]} gets {@code clusterIds[i]} for
     * {@code i < count}, skipping a face that was assigned or marked "not a face" meanwhile.
     */
    public void storeClusters(long[] faceIds, long[] clusterIds, int count) {
        PeopleJdbc.call(() -> {
            try (PreparedStatement clear = c.prepareStatement("UPDATE face_crops SET cluster_id = NULL WHERE cluster_id IS NOT NULL")) {
                clear.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE face_crops SET cluster_id = ? WHERE id = ? AND person_id IS NULL AND not_a_face = 0")) {
                for (int i = 0; i < count; i++) {
                    ps.setLong(1, clusterIds[i]);
                    ps.setLong(2, faceIds[i]);
                    ps.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** @return the unknown faces with a stored cluster id, by cluster id, then best quality first */
    public List<ClusterMember> clusterMembers() {
        return PeopleJdbc.list(c, "SELECT f.cluster_id, f.id, f.embedding_model_id FROM face_crops f WHERE " + UNKNOWN_WHERE
                        + " AND f.cluster_id IS NOT NULL ORDER BY f.cluster_id, " + FaceAssignmentStore.BEST_QUALITY_ORDER, PeopleJdbc.NONE,
                rs -> new ClusterMember(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    /** @return the unknown faces of the stored cluster, best quality first (empty for an unknown id) */
    public List<Long> clusterFacesBestFirst(long clusterId) {
        return clusterFaces(clusterId, FaceAssignmentStore.BEST_QUALITY_ORDER);
    }

    /** @return the unknown faces of the stored cluster, in id order (empty for an unknown id) */
    public List<Long> clusterFacesById(long clusterId) {
        return clusterFaces(clusterId, "f.id");
    }

    private List<Long> clusterFaces(long clusterId, String order) {
        return PeopleJdbc.list(c, "SELECT f.id FROM face_crops f WHERE f.cluster_id = ? AND " + UNKNOWN_WHERE + " ORDER BY " + order,
                ps -> ps.setLong(1, clusterId), rs -> rs.getLong(1));
    }
}
