package app.facet.core.people.cluster;

import com.github.jelmerk.hnswlib.core.Index;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * k-nearest-neighbour search over L2-normalised vectors by cosine distance (1 - dot product): an exact scan up to
 * {@link #EXACT_UP_TO} vectors (small libraries get exact, reproducible neighbours), above it hnswlib's HNSW graph.
 * Vectors can be added after construction ({@link #add}); ids are positions in insertion order.
 */
public final class NeighbourIndex {
    /** Up to this many vectors the exact scan is fast enough (and deterministic). */
    public static final int EXACT_UP_TO = 3_000;
    static final int M = 12;
    static final int EF_CONSTRUCTION = 48;
    static final int EF = 64;

    private final int dimension;
    private final int threads;
    private final List<float[]> vectors = new ArrayList<>();
    private HnswIndex<Integer, float[], EmbeddingItem, Float> hnsw;
    private final int capacity;
    private final int exactUpTo;
    private final int ef;

    /** One neighbour: id (insertion position) and cosine distance (0 = same direction, 2 = opposite). */
    public record Neighbour(int id, float distance) {
    }

    /**
     * @param dimension vector length
     * @param capacity  most vectors that will ever be added
     * @param threads   threads used when adding a batch
     */
    public NeighbourIndex(int dimension, int capacity, int threads) {
        this(dimension, capacity, threads, EXACT_UP_TO, EF);
    }

    /**
     * @param exactUpTo size up to which searches are exact scans, above which an HNSW graph is built
     * @param ef        HNSW search breadth: higher finds the true nearest more often, lower is faster
     */
    public NeighbourIndex(int dimension, int capacity, int threads, int exactUpTo, int ef) {
        this.exactUpTo = exactUpTo;
        this.ef = ef;
        this.dimension = dimension;
        this.capacity = Math.max(1, capacity);
        this.threads = Math.max(1, threads);
    }

    /** An index holding {@code vectors} (not copied: they must not change while the index is used). */
    public static NeighbourIndex of(float[][] vectors, int threads) {
        NeighbourIndex index = new NeighbourIndex(vectors.length == 0 ? 0 : vectors[0].length, vectors.length, threads);
        index.add(java.util.Arrays.asList(vectors));
        return index;
    }

    public int size() {
        return vectors.size();
    }

    /** @return true while searches are exact scans */
    public boolean exact() {
        return hnsw == null;
    }

    /** Adds vectors (float[dimension], L2-normalised; not copied) with ids size(), size()+1, ... */
    public void add(List<float[]> batch) {
        int first = vectors.size();
        for (float[] v : batch) {
            if (v.length != dimension) {
                throw new IllegalArgumentException("vector of dimension " + v.length + ", expected " + dimension);
            }
            vectors.add(v);
        }
        if (vectors.size() > capacity) {
            throw new IllegalStateException("neighbour index capacity " + capacity + " exceeded");
        }
        if (hnsw == null && vectors.size() > exactUpTo) {
            // sized to what is there, grown by doubling: hnswlib's per-search bookkeeping is proportional to it
            hnsw = HnswIndex.<float[], Float>newBuilder(dimension, CosineDistance.INSTANCE, Math.min(capacity, 2 * vectors.size()))
                    .withM(M).withEfConstruction(EF_CONSTRUCTION).withEf(ef).build();
            first = 0;
        }
        if (hnsw != null && vectors.size() > hnsw.getMaxItemCount()) {
            hnsw.resize(Math.min(capacity, Math.max(vectors.size(), 2 * hnsw.getMaxItemCount())));
        }
        if (hnsw != null) {
            List<EmbeddingItem> items = new ArrayList<>(vectors.size() - first);
            for (int i = first; i < vectors.size(); i++) {
                items.add(new EmbeddingItem(i, vectors.get(i)));
            }
            try {
                hnsw.addAll(items, threads, (done, max) -> { }, Index.DEFAULT_PROGRESS_UPDATE_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the neighbour index", e);
            }
        }
    }

    /**
     * @param excludeId an id to leave out (the query's own), or -1
     * @return up to {@code k} nearest vectors within {@code maxDistance}, nearest first (ties by id)
     */
    public List<Neighbour> nearest(float[] query, int k, float maxDistance, int excludeId) {
        List<Neighbour> out = new ArrayList<>();
        if (hnsw == null) {
            for (int i = 0; i < vectors.size(); i++) {
                if (i != excludeId) {
                    float d = 1f - CosineDistance.dot(query, vectors.get(i));
                    if (d <= maxDistance) {
                        out.add(new Neighbour(i, d));
                    }
                }
            }
        } else {
            for (SearchResult<EmbeddingItem, Float> r : hnsw.findNearest(query, excludeId >= 0 ? k + 1 : k)) {
                int id = r.item().id();
                if (id != excludeId && r.distance() <= maxDistance) {
                    out.add(new Neighbour(id, r.distance()));
                }
            }
        }
        out.sort((x, y) -> x.distance() != y.distance() ? Float.compare(x.distance(), y.distance()) : Integer.compare(x.id(), y.id()));
        return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
    }
}
