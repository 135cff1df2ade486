package app.facet.core.people;

import app.facet.core.people.cluster.AverageLinkageClusterer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Clustering time, memory and quality on synthetic faces ({@link SyntheticFaces}: 100 faces per identity on average,
 * identity sizes Zipf-distributed as in a family library, 10% low-quality faces), at the mobilefacenet cut.
 * <p>
 * Usage: {@code BENCH_JAVA_OPTS="-Xmx1g -XX:ActiveProcessorCount=2" scripts/bench core app.facet.core.people.ClusteringBenchmark N [catalog]}
 * <br>N faces; with {@code catalog}, also the whole {@link ClusterService#cluster()} on a real SQLite catalog of those
 * faces (reading embeddings, clustering, writing cluster ids). One size per JVM, so peaks do not mix.
 */
public final class ClusteringBenchmark {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        boolean catalog = args.length > 1 && args[1].equals("catalog");
        int people = Math.max(10, n / 100);
        SyntheticFaces data = SyntheticFaces.realistic(n, people, 1.0, 42);
        int largest = largestIdentity(data.identity());
        System.out.printf(Locale.ROOT, "faces %d, identities %d (largest %d faces), cores %d, max heap %d MB%n", n, people, largest,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println(data.describe());

        System.gc();
        resetPeaks();
        long wall = System.nanoTime();
        long cpu = processCpu();
        AverageLinkageClusterer.Result r = AverageLinkageClusterer.cluster(data.vectors(), ClusteringQualityTest.seeds(data),
                data.quality(), AverageLinkageClusterer.Options.of(PeopleThresholds.MOBILEFACENET_DEFAULTS.clusterDistance()));
        double wallS = (System.nanoTime() - wall) / 1e9, cpuS = (processCpu() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "clusterer: %.2f s wall, %.2f s CPU, peak heap used %d MB; %d groups -> %d clusters, "
                        + "%d low-quality joined, %d left out; %s%n", wallS, cpuS, peakHeap() >> 20, r.groups(), r.clusters(),
                r.joined(), r.unclustered(), PairwiseF1.of(data.identity(), r.labels()));

        if (catalog) {
            Path dir = Files.createTempDirectory("facet-cluster-bench");
            PeopleFixture fx = PeopleFixture.create(dir);
            long insert = System.nanoTime();
            long[] ids = fx.faces(data.vectors(), data.quality());
            System.out.printf(Locale.ROOT, "catalog: %d faces inserted in %.1f s%n", ids.length, (System.nanoTime() - insert) / 1e9);
            // the catalog rows carry quality but not the synthetic "low quality" flag: mark those faces small and blurred
            fx.exec("UPDATE face_crops SET face_size_px = 20, quality = 0.1 WHERE quality < 0.21");
            System.gc();
            resetPeaks();
            wall = System.nanoTime();
            cpu = processCpu();
            ClusteringResult result = new ClusterService(fx.catalog, PeopleThresholds.MOBILEFACENET_DEFAULTS, new UndoHistory()).cluster();
            wallS = (System.nanoTime() - wall) / 1e9;
            cpuS = (processCpu() - cpu) / 1e9;
            Map<Long, Integer> index = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                index.put(ids[i], i);
            }
            int[] labels = new int[n];
            java.util.Arrays.fill(labels, -1);
            try (var c = fx.catalog.connect(); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT id, cluster_id FROM face_crops WHERE cluster_id IS NOT NULL")) {
                while (rs.next()) {
                    labels[index.get(rs.getLong(1))] = rs.getInt(2);
                }
            }
            System.out.printf(Locale.ROOT, "ClusterService.cluster() on SQLite: %.2f s wall, %.2f s CPU, peak heap used %d MB; "
                    + "%d clusters; %s%n", wallS, cpuS, peakHeap() >> 20, result.clusters().size(), PairwiseF1.of(data.identity(), labels));
        }
        System.out.printf(Locale.ROOT, "process peak resident set (VmHWM): %d MB%n", vmHwmMb());
    }

    static int largestIdentity(int[] identity) {
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int id : identity) {
            sizes.merge(id, 1, Integer::sum);
        }
        return sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak usage since the reset: an upper bound of the live data (garbage included). */
    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    static long vmHwmMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
