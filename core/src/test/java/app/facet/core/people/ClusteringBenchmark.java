package app.facet.core.people;

import app.facet.core.people.cluster.AverageLinkageClusterer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/** Quick first version; see docs/PERFORMANCE.md. */
public final class ClusteringBenchmark {
    public static void main(String[] args) {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        int people = Math.max(10, n / 100);
        long t0 = System.nanoTime();
        SyntheticFaces data = SyntheticFaces.realistic(n, people, 1.0, 42);
        System.out.println(data.describe());
        System.out.printf(Locale.ROOT, "generated %d faces / %d people in %.1f s%n", n, people, (System.nanoTime() - t0) / 1e9);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t1 = System.nanoTime();
        AverageLinkageClusterer.Result r = AverageLinkageClusterer.cluster(data.vectors(), invert(data.lowQuality()), data.quality(),
                AverageLinkageClusterer.Options.of(PeopleThresholds.MOBILEFACENET_DEFAULTS.clusterDistance()).withThreads(2));
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.printf("process cpu %.1f s%n", cpu / 1e9);
        double secs = (System.nanoTime() - t1) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "clustered in %.2f s, groups %d, clusters %d, joined %d, unclustered %d, peak heap %d MB, %s%n",
                secs, r.groups(), r.clusters(), r.joined(), r.unclustered(), peak >> 20, PairwiseF1.of(data.identity(), r.labels()));
    }

    static boolean[] invert(boolean[] b) {
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = !b[i];
        }
        return out;
    }
}
