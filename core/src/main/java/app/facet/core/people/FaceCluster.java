package app.facet.core.people;

import java.util.List;

/**
 * A group of unassigned faces that look like one person, as stored in {@code face_crops.cluster_id}.
 *
 * @param clusterId        cluster id, 1 = largest; valid until the next {@link ClusterService#cluster()}
 * @param embeddingModelId model whose embeddings were compared
 * @param size             number of faces in the cluster
 * @param sampleFaceIds    up to 5 face ids, best quality first (for the "Unknown faces" view)
 */
public record FaceCluster(long clusterId, String embeddingModelId, int size, List<Long> sampleFaceIds) {
    public FaceCluster {
        sampleFaceIds = List.copyOf(sampleFaceIds);
    }
}
