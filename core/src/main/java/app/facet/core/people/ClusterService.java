package app.facet.core.people;

import app.facet.core.catalog.Catalog;

import java.util.List;

/**
 * Discovers groups of unknown faces: average-linkage clustering (cosine distance, cut at
 * {@link PeopleThresholds#clusterDistance()}) over a k-nearest-neighbour graph from an HNSW index, so it scales to
 * hundreds of thousands of faces. Considers only faces that are unassigned, valid, embedded and not "not a face";
 * a user-assigned face never enters clustering. Faces of different embedding models are never compared.
 * Low-quality faces ({@link SeedQuality}) never seed a cluster but join one when close.
 */
public final class ClusterService {
    private final Catalog catalog;
    private final PeopleThresholds thresholds;
    private final SeedQuality seedQuality;
    private final UndoHistory history;

    public ClusterService(Catalog catalog, PeopleThresholds thresholds, UndoHistory history) {
        this(catalog, thresholds, SeedQuality.DEFAULTS, history);
    }

    public ClusterService(Catalog catalog, PeopleThresholds thresholds, SeedQuality seedQuality, UndoHistory history) {
        this.catalog = catalog;
        this.thresholds = thresholds;
        this.seedQuality = seedQuality;
        this.history = history;
    }

    /**
     * Recomputes every cluster and stores the ids in {@code face_crops.cluster_id} (1 = largest cluster); faces that
     * join no cluster get NULL. Not undoable (it only regroups unknown faces).
     */
    public ClusteringResult cluster() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @return the stored clusters, largest first, without recomputing */
    public List<FaceCluster> clusters() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @return every face id of the stored cluster, best quality first */
    public List<Long> clusterFaceIds(long clusterId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Names a cluster: creates the person, or adds to the existing person of that name (case-insensitive); the
     * faces get {@code assigned_by=user} and leave clustering. Undoable.
     *
     * @throws PeopleException when no face has that cluster id
     */
    public UndoableAction nameCluster(long clusterId, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
