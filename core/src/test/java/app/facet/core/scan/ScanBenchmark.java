package app.facet.core.scan;

import app.facet.core.analysis.PhotoAnalyzer;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.testing.SharedMaterial;
import app.facet.core.testing.TestAnalyzers;
import app.facet.core.testing.TestPhotos;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Whole scan pipeline (walk, hash, decode, detect, align, embed, crops, validated catalog writes) against a plain
 * full-resolution OpenCV decode of the same files, in one run, with the same number of threads. Ratio = pipeline
 * time / plain decode time. Run: {@code scripts/bench core app.facet.core.scan.ScanBenchmark [threads] [rounds]}.
 */
public final class ScanBenchmark {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("facet-scan-bench");
        Path shared = SharedMaterial.copyPhotos(work.resolve("shared"));
        Path big = Files.createDirectories(work.resolve("12mp"));
        TestPhotos.twelveMegapixel(files(shared), big);
        System.out.printf("threads=%d rounds=%d cores=%d%n", threads, rounds, Runtime.getRuntime().availableProcessors());
        try (PhotoAnalyzer analyzer = TestAnalyzers.withEmbeddings()) {
            measure("shared photos (" + count(shared) + " files)", shared, analyzer, threads, rounds, work);
            measure("12 MP JPEGs (" + count(big) + " files, 4000x3000, sensor noise)", big, analyzer, threads, rounds, work);
        }
    }

    private static void measure(String name, Path dir, PhotoAnalyzer analyzer, int threads, int rounds, Path work) throws Exception {
        List<Path> files = files(dir);
        decodeAll(files, threads); // warm-up: file cache, codec and detector initialisation
        scan(dir, analyzer, threads, work.resolve("warm-" + System.nanoTime()));
        double bestDecode = Double.MAX_VALUE, bestScan = Double.MAX_VALUE;
        double[] cpuRatios = new double[rounds];
        for (int r = 0; r < rounds; r++) { // interleaved so both see the same machine noise
            long cpu0 = cpu();
            bestDecode = Math.min(bestDecode, decodeAll(files, threads));
            long cpu1 = cpu();
            bestScan = Math.min(bestScan, scan(dir, analyzer, threads, work.resolve("lib-" + System.nanoTime())));
            cpuRatios[r] = (double) (cpu() - cpu1) / (cpu1 - cpu0);
        }
        java.util.Arrays.sort(cpuRatios);
        System.out.printf("%-45s plain decode %6.2f photos/s | full pipeline %6.2f photos/s | wall ratio %.2f | CPU ratio median %.2f (%.2f-%.2f)%n",
                name, files.size() / bestDecode, files.size() / bestScan, bestScan / bestDecode,
                cpuRatios[rounds / 2], cpuRatios[0], cpuRatios[rounds - 1]);
    }

    /** CPU time of the whole process (all threads, native code included), ns: robust to other load on the machine. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double scan(Path dir, PhotoAnalyzer analyzer, int threads, Path lib) {
        Catalog catalog = Catalog.open(new LibraryLocation(lib));
        long t = System.nanoTime();
        ScanSummary s = new ScanService(catalog, analyzer).scan(new ScanOptions(List.of(dir), false, 0, threads), ScanListener.NONE, new Cancellation());
        double sec = (System.nanoTime() - t) / 1e9;
        if (!"completed".equals(s.status()) || s.photosFailed() > 0) {
            throw new IllegalStateException("benchmark scan did not complete cleanly: " + s);
        }
        return sec;
    }

    private static double decodeAll(List<Path> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        List<Future<Integer>> jobs = new ArrayList<>();
        for (Path f : files) {
            jobs.add(pool.submit(() -> {
                try (Mat m = opencv_imgcodecs.imread(f.toString(), opencv_imgcodecs.IMREAD_COLOR)) {
                    return m.cols();
                }
            }));
        }
        for (Future<Integer> j : jobs) {
            if (j.get() <= 0) {
                throw new IllegalStateException("decode failed");
            }
        }
        double sec = (System.nanoTime() - t) / 1e9;
        pool.shutdown();
        return sec;
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(FolderWalker::supported).sorted().toList();
        }
    }

    private static long count(Path dir) throws Exception {
        return files(dir).size();
    }
}
