package app.facet.core.people;

import java.time.Duration;
import java.util.List;

/**
 * Outcome of one {@link ClusterService#cluster()} run.
 *
 * @param clusters          every cluster, largest first (singletons included, size 1)
 * @param facesConsidered   unassigned, valid, embedded faces not marked "not a face"
 * @param seedFaces         faces good enough to seed a cluster
 * @param lowQualityJoined  low-quality faces that joined a cluster
 * @param unclustered       low-quality faces close to no cluster (their cluster_id stays NULL)
 * @param elapsed           wall time of the run, reading and writing included
 */
public record ClusteringResult(List<FaceCluster> clusters, int facesConsidered, int seedFaces,
                               int lowQualityJoined, int unclustered, Duration elapsed) {
    public ClusteringResult {
        clusters = List.copyOf(clusters);
    }

    /** @return number of clusters with at least {@code minSize} faces */
    public long clustersOfAtLeast(int minSize) {
        return clusters.stream().filter(c -> c.size() >= minSize).count();
    }
}
