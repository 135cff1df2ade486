package app.facet.core.people.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Average-linkage (UPGMA) agglomerative clustering by cosine distance, cut at a maximum distance, in a form that
 * scales to hundreds of thousands of faces (no n x n matrix, no O(n²) loop).
 * <p>
 * <b>Exact merge distances.</b> For L2-normalised vectors the mean cosine similarity over all pairs of two groups is
 * {@code dot(sumA, sumB) / (|A| |B|)}; every cluster keeps the sum of its vectors, so each merge distance is the
 * exact average-linkage distance.
 * <p>
 * <b>Candidate pairs from nearest neighbours.</b> Only cluster pairs linked in a k-nearest-neighbour graph (hnswlib
 * HNSW, exact scan for small inputs) are candidates. Two groups whose mean distance is within the cut always have
 * directions within the cut too (see {@link #cluster}), so the graph loses a merge only when k truncates it.
 * <p>
 * <b>Leader grouping for large inputs.</b> Above {@link Options#groupingAbove()} seed faces, faces are first gathered
 * into small groups, best quality first: a face within {@link Options#leaderRadius()} x cut of an existing group
 * leader joins that group, otherwise it leads a new one (the BIRCH / canopy idea: average linkage then runs on the
 * groups, with their exact sums). With the radius at 3/4 of the cut, a face joins a leader it is clearly nearer to
 * than any merge the cut allows, so groups are one person in all but rare cases; the cost no longer depends on how
 * many faces one person has (a family's children can have tens of thousands). At or below the threshold every face
 * is its own group and the result is UPGMA up to the neighbour truncation (exact when k covers the largest cluster).
 * <p>
 * <b>Low-quality faces</b> ({@code canSeed[i] == false}: tiny, blurred, low detection score) take no part in the
 * agglomeration. Afterwards each joins the cluster with the smallest mean distance to it if that is within the cut
 * (against the final cluster sums; joining faces do not move clusters), else stays unclustered (label -1).
 */
public final class AverageLinkageClusterer {

    /**
     * @param maxDistance   the cut: cosine distance in (0, 2)
     * @param neighbours    k of the nearest-neighbour graph
     * @param threads       threads for the neighbour searches
     * @param groupingAbove seed count above which leader grouping runs first
     * @param leaderRadius  leader radius as a fraction of the cut, in (0, 1]
     */
    public record Options(double maxDistance, int neighbours, int threads, int groupingAbove, double leaderRadius) {
        public Options {
            if (!(maxDistance > 0 && maxDistance < 2)) {
                throw new IllegalArgumentException("cut must be a cosine distance in (0, 2), got " + maxDistance);
            }
            if (neighbours < 1 || threads < 1 || groupingAbove < 0) {
                throw new IllegalArgumentException("neighbours and threads must be positive, groupingAbove not negative");
            }
            if (!(leaderRadius > 0 && leaderRadius <= 1)) {
                throw new IllegalArgumentException("leader radius must be a fraction of the cut in (0, 1], got " + leaderRadius);
            }
        }

        /** 16 neighbours, all processors, grouping above {@link NeighbourIndex#EXACT_UP_TO} seeds, radius 3/4 of the cut. */
        public static Options of(double maxDistance) {
            return new Options(maxDistance, 16, Runtime.getRuntime().availableProcessors(), NeighbourIndex.EXACT_UP_TO, 0.75);
        }

        public Options withThreads(int threads) {
            return new Options(maxDistance, neighbours, threads, groupingAbove, leaderRadius);
        }

        public Options withGroupingAbove(int seeds) {
            return new Options(maxDistance, neighbours, threads, seeds, leaderRadius);
        }
    }

    /**
     * @param labels      per input face: cluster 0..clusters-1, or -1 when unclustered
     * @param clusters    number of clusters (a seed alone is a cluster of one)
     * @param seeds       faces that could seed
     * @param groups      groups average linkage started from (= seeds without leader grouping)
     * @param joined      non-seed faces that joined a cluster
     * @param unclustered non-seed faces that joined none
     */
    public record Result(int[] labels, int clusters, int seeds, int groups, int joined, int unclustered) {
    }

    private AverageLinkageClusterer() {
    }

    /**
     * Why the neighbour filter is safe: with means {@code mA = sumA/|A|}, {@code |mA| <= 1}, the mean distance is
     * {@code 1 - |mA||mB| cos(mA, mB)}; it is within the cut c only if {@code cos(mA, mB) >= (1 - c) / (|mA||mB|)
     * >= 1 - c}, i.e. the directions are within c.
     *
     * @param vectors  float[n][d], L2-normalised (not modified)
     * @param canSeed  per face: may it seed a cluster
     * @param priority per face, higher first when leading groups (e.g. quality); null keeps input order
     */
    public static Result cluster(float[][] vectors, boolean[] canSeed, double[] priority, Options options) {
        int n = vectors.length;
        if (canSeed.length != n || (priority != null && priority.length != n)) {
            throw new IllegalArgumentException("canSeed/priority lengths differ from the " + n + " vectors");
        }
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        Integer[] boxed = IntStream.range(0, n).filter(i -> canSeed[i]).boxed().toArray(Integer[]::new);
        if (priority != null) {
            Arrays.sort(boxed, Comparator.comparingDouble((Integer i) -> -priority[i]).thenComparingInt(i -> i));
        }
        int[] seeds = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        if (seeds.length == 0) {
            return new Result(labels, 0, 0, 0, 0, n);
        }
        int dimension = vectors[0].length;
        float cut = (float) options.maxDistance();

        Groups groups = seeds.length > options.groupingAbove()
                ? Groups.byLeaders(vectors, seeds, (float) (options.leaderRadius() * cut), options.threads())
                : Groups.singletons(vectors, seeds);

        // nearest-neighbour graph between group directions
        int g = groups.count();
        float[][] directions = new float[g][];
        for (int i = 0; i < g; i++) {
            directions[i] = unit(groups.sums[i]);
        }
        NeighbourIndex groupIndex = NeighbourIndex.of(directions, options.threads());
        int k = options.neighbours();
        int[][] knn = new int[g][];
        Parallel.forEach(options.threads(), g, i -> knn[i] = groupIndex.nearest(directions[i], k, cut, i).stream()
                .mapToInt(NeighbourIndex.Neighbour::id).toArray());

        Agglomeration agg = new Agglomeration(groups.sums, groups.sizes, knn, cut);
        agg.run();

        int[] clusterOfRoot = new int[g];
        Arrays.fill(clusterOfRoot, -1);
        int clusters = 0;
        for (int i = 0; i < seeds.length; i++) {
            int root = agg.find(groups.groupOf[i]);
            if (clusterOfRoot[root] < 0) {
                clusterOfRoot[root] = clusters++;
            }
            labels[seeds[i]] = clusterOfRoot[root];
        }

        // non-seeds join the cluster nearest on average, if within the cut (roots resolved first: find() writes)
        int[] rootOf = new int[g];
        for (int i = 0; i < g; i++) {
            rootOf[i] = agg.find(i);
        }
        int[] others = IntStream.range(0, n).filter(i -> !canSeed[i]).toArray();
        int[] joinedLabel = new int[others.length];
        Parallel.forEach(options.threads(), others.length, j -> {
            float[] v = vectors[others[j]];
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (NeighbourIndex.Neighbour nb : groupIndex.nearest(v, k, cut, -1)) {
                int root = rootOf[nb.id()];
                double d = agg.meanDistance(v, root);
                if (d <= cut && (d < bestDistance || (d == bestDistance && root < best))) {
                    bestDistance = d;
                    best = root;
                }
            }
            joinedLabel[j] = best < 0 ? -1 : clusterOfRoot[best];
        });
        int joined = 0;
        for (int j = 0; j < others.length; j++) {
            labels[others[j]] = joinedLabel[j];
            if (joinedLabel[j] >= 0) {
                joined++;
            }
        }
        if (dimension == 0) {
            throw new IllegalArgumentException("empty embeddings");
        }
        return new Result(labels, clusters, seeds.length, g, joined, others.length - joined);
    }

    static float[] unit(float[] v) {
        double norm = Math.sqrt(CosineDistance.dot(v, v));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** Seeds gathered into groups: per group the sum of its vectors and its size; per seed (in seed order) its group. */
    private static final class Groups {
        final float[][] sums;
        final int[] sizes;
        final int[] groupOf;

        private Groups(float[][] sums, int[] sizes, int[] groupOf) {
            this.sums = sums;
            this.sizes = sizes;
            this.groupOf = groupOf;
        }

        int count() {
            return sums.length;
        }

        static Groups singletons(float[][] vectors, int[] seeds) {
            float[][] sums = new float[seeds.length][];
            int[] sizes = new int[seeds.length];
            int[] groupOf = new int[seeds.length];
            for (int i = 0; i < seeds.length; i++) {
                sums[i] = vectors[seeds[i]].clone();
                sizes[i] = 1;
                groupOf[i] = i;
            }
            return new Groups(sums, sizes, groupOf);
        }

        /**
         * Leader grouping in batches: the faces of a batch look up a leader in parallel, then, in order, join it when
         * within the radius, else join a leader made earlier in the same batch, else lead a new group. The lookup
         * first compares the face exactly with the leaders of the {@value #HOT} largest groups (in a family library a
         * few people are in most photos) and asks the HNSW graph of all leaders only when none of them is within the
         * radius. Any leader within the radius is an acceptable group for the face, so this shortcut only changes
         * which of two same-person groups a face lands in.
         */
        static Groups byLeaders(float[][] vectors, int[] seeds, float radius, int threads) {
            int s = seeds.length;
            int dimension = vectors[seeds[0]].length;
            // leaders are queried once per face: an HNSW graph pays off early, and a narrow search is enough (missing
            // the nearest leader only makes one more group, which average linkage merges back)
            NeighbourIndex leaders = new NeighbourIndex(dimension, s, threads, 512, 16);
            List<float[]> leaderVectors = new ArrayList<>();
            List<float[]> sums = new ArrayList<>();
            int[] sizes = new int[s];
            int[] groupOf = new int[s];
            int batch = 1024;
            int[] nearestLeader = new int[batch];
            float[] nearestDistance = new float[batch];
            int[] hot = new int[0];
            for (int from = 0; from < s; from += batch) {
                int to = Math.min(s, from + batch);
                int start = from;
                int[] hotNow = hot;
                Parallel.forEach(threads, to - from, j -> {
                    float[] v = vectors[seeds[start + j]];
                    int best = -1;
                    float bestDistance = Float.MAX_VALUE;
                    for (int h : hotNow) {
                        float d = 1f - CosineDistance.dot(v, leaderVectors.get(h));
                        if (d <= radius && d < bestDistance) {
                            bestDistance = d;
                            best = h;
                        }
                    }
                    if (best < 0 && leaders.size() > 0) {
                        List<NeighbourIndex.Neighbour> found = leaders.nearest(v, 1, radius, -1);
                        if (!found.isEmpty()) {
                            best = found.get(0).id();
                            bestDistance = found.get(0).distance();
                        }
                    }
                    nearestLeader[j] = best;
                    nearestDistance[j] = bestDistance;
                });
                List<float[]> newLeaders = new ArrayList<>();
                int firstNew = sums.size();
                for (int j = 0; j < to - from; j++) {
                    float[] v = vectors[seeds[from + j]];
                    int group = nearestLeader[j];
                    float best = nearestDistance[j];
                    for (int q = 0; q < newLeaders.size(); q++) {
                        float d = 1f - CosineDistance.dot(v, newLeaders.get(q));
                        if (d <= radius && d < best) {
                            best = d;
                            group = firstNew + q;
                        }
                    }
                    if (group < 0) {
                        group = sums.size();
                        sums.add(v.clone());
                        newLeaders.add(v);
                    } else {
                        float[] sum = sums.get(group);
                        for (int x = 0; x < dimension; x++) {
                            sum[x] += v[x];
                        }
                    }
                    sizes[group]++;
                    groupOf[from + j] = group;
                }
                leaders.add(newLeaders);
                leaderVectors.addAll(newLeaders);
                hot = largest(sizes, sums.size(), HOT);
            }
            return new Groups(sums.toArray(new float[0][]), Arrays.copyOf(sizes, sums.size()), groupOf);
        }

        static final int HOT = 256;

        private static int[] largest(int[] sizes, int count, int limit) {
            return IntStream.range(0, count).boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> -sizes[i]).thenComparingInt(i -> i))
                    .limit(limit).mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Union-find over groups with per-root size, vector sum, version and neighbour list, and a heap of candidate
     * merges.
     * <p>
     * Keeping the heap exact would mean recomputing, after every merge, the distance from the merged cluster to each
     * of its neighbours: for a person with thousands of faces that is quadratic. Instead, after a merge of a smaller
     * cluster into a larger one only the smaller one's neighbours are recomputed (new pairs for the larger one, or
     * pairs where the smaller one weighs at least half); an entry of the larger one that is now out of date (its
     * version changed) is recomputed when it reaches the top of the heap and pushed back with its true distance.
     * Each adjacency is recomputed O(log n) times (smaller into larger), and a merge never uses a stale distance.
     */
    private static final class Agglomeration {
        private final float cut;
        private final int[] parent;
        private final int[] size;
        private final int[] version;
        private final float[][] sum;
        /** neighbour ids of each root; may hold merged ids and duplicates until compacted */
        private final int[][] neighbours;
        private final int[] neighbourCount;
        private final int[] compactedAt;
        private final int[] seenStamp;
        private int stamp;
        private final EdgeHeap heap = new EdgeHeap();

        /** @param sums owned from now on (merged in place) */
        Agglomeration(float[][] sums, int[] sizes, int[][] knn, float cut) {
            int n = sums.length;
            this.cut = cut;
            parent = new int[n];
            size = Arrays.copyOf(sizes, n);
            version = new int[n];
            sum = sums;
            seenStamp = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            // undirected adjacency: i's own neighbours plus every j that listed i
            int[] degree = new int[n];
            for (int i = 0; i < n; i++) {
                degree[i] += knn[i].length;
                for (int j : knn[i]) {
                    degree[j]++;
                }
            }
            neighbours = new int[n][];
            neighbourCount = new int[n];
            compactedAt = new int[n];
            for (int i = 0; i < n; i++) {
                neighbours[i] = new int[degree[i]];
            }
            for (int i = 0; i < n; i++) {
                for (int j : knn[i]) {
                    neighbours[i][neighbourCount[i]++] = j;
                    neighbours[j][neighbourCount[j]++] = i;
                    if (i < j || !contains(knn[j], i)) {
                        float d = (float) meanDistance(i, j);
                        if (d <= cut) {
                            heap.push(d, i, j, 0, 0);
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                compact(i);
            }
        }

        private static boolean contains(int[] a, int x) {
            for (int v : a) {
                if (v == x) {
                    return true;
                }
            }
            return false;
        }

        int find(int x) {
            int root = x;
            while (parent[root] != root) {
                root = parent[root];
            }
            while (parent[x] != root) {
                int next = parent[x];
                parent[x] = root;
                x = next;
            }
            return root;
        }

        void run() {
            while (!heap.isEmpty()) {
                heap.pop();
                float d = heap.key();
                int a = heap.a(), b = heap.b(), va = heap.versionA(), vb = heap.versionB();
                if (d > cut) {
                    break;
                }
                if (parent[a] != a || parent[b] != b) {
                    continue; // a merged-away side: that merge pushed its neighbours afresh
                }
                if (version[a] != va || version[b] != vb) {
                    float now = (float) meanDistance(a, b);
                    if (now <= cut) {
                        heap.push(now, a, b, version[a], version[b]);
                    }
                    continue;
                }
                merge(a, b);
            }
        }

        private void merge(int a, int b) {
            int root = size[a] >= size[b] ? a : b;
            int other = root == a ? b : a;
            float[] merged = sum[root];
            float[] add = sum[other];
            for (int i = 0; i < merged.length; i++) {
                merged[i] += add[i];
            }
            sum[other] = null;
            parent[other] = root;
            size[root] += size[other];
            version[root]++;

            // the smaller side's neighbours are recomputed now
            stamp++;
            seenStamp[root] = stamp;
            int[] list = neighbours[other];
            int count = neighbourCount[other];
            for (int e = 0; e < count; e++) {
                int nb = find(list[e]);
                if (seenStamp[nb] == stamp) {
                    continue;
                }
                seenStamp[nb] = stamp;
                float distance = (float) meanDistance(root, nb);
                if (distance <= cut) {
                    heap.push(distance, root, nb, version[root], version[nb]);
                }
            }
            append(root, list, count);
            neighbours[other] = null;
            neighbourCount[other] = 0;
        }

        private void append(int root, int[] list, int count) {
            int need = neighbourCount[root] + count;
            if (need > neighbours[root].length) {
                neighbours[root] = Arrays.copyOf(neighbours[root], Math.max(need, 2 * neighbours[root].length));
            }
            System.arraycopy(list, 0, neighbours[root], neighbourCount[root], count);
            neighbourCount[root] = need;
            if (neighbourCount[root] > 2 * Math.max(8, compactedAt[root])) {
                compact(root);
            }
        }

        /** Maps the list to current roots, drops the root itself and duplicates. */
        private void compact(int root) {
            int[] list = neighbours[root];
            int m = 0;
            stamp++;
            seenStamp[root] = stamp;
            for (int e = 0; e < neighbourCount[root]; e++) {
                int nb = find(list[e]);
                if (seenStamp[nb] != stamp) {
                    seenStamp[nb] = stamp;
                    list[m++] = nb;
                }
            }
            neighbourCount[root] = m;
            compactedAt[root] = m;
        }

        /** Mean cosine distance over all pairs of two clusters (roots). */
        private double meanDistance(int r1, int r2) {
            return 1.0 - CosineDistance.dot(sum[r1], sum[r2]) / ((double) size[r1] * size[r2]);
        }

        /** Mean cosine distance between one vector and every member of a cluster (root); read-only, thread-safe. */
        double meanDistance(float[] v, int root) {
            return 1.0 - CosineDistance.dot(v, sum[root]) / size[root];
        }
    }
}
