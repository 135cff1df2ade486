package app.facet.core.people;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.EmbeddedFaceStore;
import app.facet.core.people.cluster.AverageLinkageClusterer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovers groups of unknown faces: average-linkage clustering (cosine distance, cut at
 * {@link PeopleThresholds#clusterDistance()}) over a nearest-neighbour graph from hnswlib, so it scales to hundreds of
 * thousands of faces ({@link AverageLinkageClusterer}). Considers only faces that are unassigned, valid, embedded and
 * not "not a face"; a face on a person (user or auto) never enters clustering. Faces of different embedding models are
 * never compared. Low-quality faces ({@link SeedQuality}) never seed a cluster but join one when close.
 * Thread-safe.
 */
public final class ClusterService {
    private static final Logger log = LoggerFactory.getLogger(ClusterService.class);
    private static final int SAMPLES = 5;

    private final ThresholdsByModel thresholds;
    private final SeedQuality seedQuality;
    private final UndoableWrites writes;

    public ClusterService(Catalog catalog, PeopleThresholds thresholds, UndoHistory history) {
        this(catalog, ThresholdsByModel.fixed(thresholds), SeedQuality.DEFAULTS, history);
    }

    public ClusterService(Catalog catalog, PeopleThresholds thresholds, SeedQuality seedQuality, UndoHistory history) {
        this(catalog, ThresholdsByModel.fixed(thresholds), seedQuality, history);
    }

    /** @param thresholds thresholds per embedding model (from the model descriptions) */
    public ClusterService(Catalog catalog, ThresholdsByModel thresholds, SeedQuality seedQuality, UndoHistory history) {
        this.thresholds = thresholds;
        this.seedQuality = seedQuality;
        this.writes = new UndoableWrites(catalog, history);
    }

    /**
     * Recomputes every cluster and stores the ids in {@code face_crops.cluster_id} (1 = largest cluster); faces that
     * join no cluster, and every face that is not unknown, get NULL. Not undoable (it only regroups unknown faces).
     *
     * @throws PeopleException when the catalog cannot be read or written
     */
    public ClusteringResult cluster() {
        long start = System.nanoTime();
        Map<String, List<EmbeddedFaceStore.Unknown>> byModel = writes.read("read the unknown faces", t -> t.embedded().unknown());
        List<List<EmbeddedFaceStore.Unknown>> groups = new ArrayList<>();
        List<String> groupModels = new ArrayList<>();
        int considered = 0, seeds = 0, joined = 0, unclustered = 0;
        for (Map.Entry<String, List<EmbeddedFaceStore.Unknown>> e : byModel.entrySet()) {
            List<EmbeddedFaceStore.Unknown> faces = e.getValue();
            considered += faces.size();
            int n = faces.size();
            float[][] vectors = new float[n][];
            boolean[] canSeed = new boolean[n];
            double[] priority = new double[n];
            for (int i = 0; i < n; i++) {
                EmbeddedFaceStore.Unknown f = faces.get(i);
                vectors[i] = f.embedding();
                canSeed[i] = seedQuality.canSeed(f.faceSizePx(), f.detectionScore(), f.quality());
                priority[i] = f.quality() != null ? f.quality() : 0.5 * f.detectionScore();
            }
            PeopleThresholds t = thresholds.forModel(e.getKey());
            AverageLinkageClusterer.Result r = AverageLinkageClusterer.cluster(vectors, canSeed, priority,
                    AverageLinkageClusterer.Options.of(t.clusterDistance()));
            seeds += r.seeds();
            joined += r.joined();
            unclustered += r.unclustered();
            List<List<EmbeddedFaceStore.Unknown>> members = new ArrayList<>();
            for (int c = 0; c < r.clusters(); c++) {
                members.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                if (r.labels()[i] >= 0) {
                    members.get(r.labels()[i]).add(faces.get(i));
                }
            }
            for (List<EmbeddedFaceStore.Unknown> m : members) {
                groups.add(m);
                groupModels.add(e.getKey());
            }
        }
        // ids by size, largest first; ties by the smallest face id, so an unchanged library gets the same ids
        Integer[] order = new Integer[groups.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -groups.get(i).size())
                .thenComparingLong(i -> groups.get(i).get(0).id()));
        List<FaceCluster> clusters = new ArrayList<>(order.length);
        long[] faceIds = new long[considered];
        long[] clusterIds = new long[considered];
        int w = 0;
        for (int rank = 0; rank < order.length; rank++) {
            long clusterId = rank + 1;
            List<EmbeddedFaceStore.Unknown> m = groups.get(order[rank]);
            for (EmbeddedFaceStore.Unknown f : m) {
                faceIds[w] = f.id();
                clusterIds[w++] = clusterId;
            }
            List<Long> samples = m.stream().sorted(BEST_FIRST).limit(SAMPLES).map(EmbeddedFaceStore.Unknown::id).toList();
            clusters.add(new FaceCluster(clusterId, groupModels.get(order[rank]), m.size(), samples));
        }
        int written = w;
        writes.write("store the clusters", t -> {
            t.embedded().storeClusters(faceIds, clusterIds, written);
            return null;
        });
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        log.info("event=clustering_done faces={} seeds={} clusters={} joined={} unclustered={} elapsed_ms={}",
                considered, seeds, clusters.size(), joined, unclustered, elapsed.toMillis());
        return new ClusteringResult(clusters, considered, seeds, joined, unclustered, elapsed);
    }

    private static final Comparator<EmbeddedFaceStore.Unknown> BEST_FIRST = Comparator
            .comparingDouble((EmbeddedFaceStore.Unknown f) -> f.quality() == null ? -1 : f.quality()).reversed()
            .thenComparing(Comparator.comparingDouble((EmbeddedFaceStore.Unknown f) -> f.faceSizePx() == null ? -1 : f.faceSizePx()).reversed())
            .thenComparing(Comparator.comparingDouble(EmbeddedFaceStore.Unknown::detectionScore).reversed())
            .thenComparingLong(EmbeddedFaceStore.Unknown::id);

    /** @return the stored clusters of still-unknown faces, largest first, without recomputing */
    public List<FaceCluster> clusters() {
        return writes.read("read the clusters", t -> {
            Map<Long, List<Long>> members = new LinkedHashMap<>();
            Map<Long, String> models = new LinkedHashMap<>();
            for (EmbeddedFaceStore.ClusterMember m : t.embedded().clusterMembers()) {
                members.computeIfAbsent(m.clusterId(), k -> new ArrayList<>()).add(m.faceId());
                models.putIfAbsent(m.clusterId(), m.embeddingModelId());
            }
            List<FaceCluster> out = new ArrayList<>();
            members.forEach((id, faces) -> out.add(new FaceCluster(id, models.get(id), faces.size(),
                    faces.subList(0, Math.min(SAMPLES, faces.size())))));
            out.sort(Comparator.comparingInt(FaceCluster::size).reversed().thenComparingLong(FaceCluster::clusterId));
            return out;
        });
    }

    /** @return every face id of the stored cluster that is still unknown, best quality first (empty for an unknown id) */
    public List<Long> clusterFaceIds(long clusterId) {
        return writes.read("read cluster " + clusterId, t -> t.embedded().clusterFacesBestFirst(clusterId));
    }

    /**
     * Names a cluster: creates the person, or adds to the existing person of that name (case-insensitive); the
     * faces get {@code assigned_by=user} and leave clustering. Undoable.
     *
     * @throws PeopleException when no unknown face has that cluster id, or the name is blank
     */
    public UndoableAction nameCluster(long clusterId, String name) {
        String clean = PeopleRows.cleanName(name);
        return writes.run("name cluster " + clusterId, ctx -> {
            List<Long> faces = ctx.tables.embedded().clusterFacesById(clusterId);
            if (faces.isEmpty()) {
                throw new PeopleException("There is no cluster " + clusterId + " of unknown faces; run clustering again to see the current clusters.");
            }
            var existing = ctx.tables.persons().findByName(clean);
            Long targetId = existing.map(app.facet.model.Person::id).orElse(null);
            PeopleService.moveFacesTo(ctx, faces, targetId, clean);
            long personId = targetId != null ? targetId : ctx.lastCreated;
            String who = existing.map(app.facet.model.Person::name).orElse(clean);
            return new UndoableWrites.Done("Named cluster " + clusterId + " (" + faces.size() + " faces) \"" + who + "\"", personId);
        });
    }
}
