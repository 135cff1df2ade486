package app.facet.core.analysis;

import app.facet.core.testing.TestPhotos;

import app.facet.core.testing.SharedMaterial;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_core.theRNG;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Whole pipeline (OpenCvPhotoAnalyzer.analyze) versus a plain full-resolution OpenCV imread of the same files, in one run:
 * (a) every shared photo, (b) 12 MP JPEGs (4000x3000, quality 90, ~3 MB) made by enlarging shared photos into a temp folder.
 * Timing is the CPU time of the calling thread (OpenCV and ONNX Runtime are single-threaded per call here), median of
 * REPEATS passes in which decode and analysis of each file run back to back; wall-clock photos/s are printed too,
 * and a 2-worker parallel pass shows the effect of OpenCV's own threading (setNumThreads(1) vs the default).
 * <p>
 * Run from the repository root: see docs/PERFORMANCE.md ("Analysis pipeline").
 */
public final class AnalysisBenchmark {

    static final int REPEATS = 7;
    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<Path> shared;
        try (Stream<Path> s = Files.walk(SharedMaterial.photos())) {
            shared = s.filter(p -> p.toString().matches(".*\\.(jpg|png)")).sorted().toList();
        }
        Path tmp = Files.createTempDirectory("facet-bench");
        List<Path> big = TestPhotos.twelveMegapixel(shared, tmp);
        AnalyzerConfig config = AnalyzerConfig.defaults(SharedMaterial.models()).withEmbeddingModelId("mobilefacenet");
        if (args.length > 0) {
            config = config.withDetectionSize(Integer.parseInt(args[0]));
        }
        try (OpenCvPhotoAnalyzer analyzer = new OpenCvPhotoAnalyzer(config)) {
            System.out.println("detector: " + analyzer.describeDetector() + "; embedding: " + analyzer.embeddingModelId().orElse("none")
                    + "; detection size " + analyzer.config().detectionSize() + "; " + Runtime.getRuntime().availableProcessors() + " cores");
            System.out.println();
            System.out.println("| set | photos | faces | plain imread CPU ms/photo | analyze CPU ms/photo | ratio analyze/imread, median (range) | plain imread photos/s (wall) | analyze photos/s (wall) |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            row("shared photos (" + shared.size() + " files, 0.1-3.3 MP)", shared, analyzer);
            row("12 MP JPEGs (" + big.size() + " files, 4000x3000)", big, analyzer);
        }
        System.out.println();
        System.out.println("Parallel, 2 workers, 12 MP set (configurations alternate, 3 rounds): wall-clock photos/s and process CPU ms per photo");
        for (int round = 0; round < 3; round++) {
            for (boolean single : new boolean[]{true, false}) {
                setNumThreads(-1); // back to OpenCV's default before each configuration
                try (OpenCvPhotoAnalyzer analyzer = new OpenCvPhotoAnalyzer(config.withSingleThreadedNative(single))) {
                    double[] r = parallel(analyzer, big, 2);
                    System.out.printf("- round %d, OpenCV/ONNX Runtime threads %s: %.2f photos/s, %.0f CPU ms/photo%n", round + 1,
                            single ? "1 per call (setNumThreads(1))" : "library default", r[0], r[1]);
                }
            }
        }
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(tmp);
    }

    private static void row(String name, List<Path> files, OpenCvPhotoAnalyzer analyzer) throws Exception {
        for (Path p : files) { // warm-up
            imread(p.toString(), IMREAD_COLOR).close();
            analyzer.analyze(p);
        }
        // Each pass decodes and analyses every file back to back, so both see the same machine load; the figures are
        // medians over the passes, and the ratio is taken per pass (other processes on a 2-core machine slow whatever
        // runs beside them by up to 1.5x, which would bias a ratio of separately chosen best times).
        int n = files.size();
        double[] decodeCpu = new double[REPEATS], analyzeCpu = new double[REPEATS], ratio = new double[REPEATS];
        double[] decodeWall = new double[REPEATS], analyzeWall = new double[REPEATS];
        int faces = 0;
        for (int r = 0; r < REPEATS; r++) {
            long dc = 0, ac = 0, dw = 0, aw = 0;
            for (Path p : files) {
                long c0 = CPU.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                try (Mat m = imread(p.toString(), IMREAD_COLOR)) {
                    if (m.empty()) {
                        throw new IllegalStateException("cannot decode " + p);
                    }
                }
                long c1 = CPU.getCurrentThreadCpuTime(), w1 = System.nanoTime();
                int found = analyzer.analyze(p).faces().size();
                long c2 = CPU.getCurrentThreadCpuTime(), w2 = System.nanoTime();
                if (r == 0) {
                    faces += found;
                }
                dc += c1 - c0;
                ac += c2 - c1;
                dw += w1 - w0;
                aw += w2 - w1;
            }
            decodeCpu[r] = dc / 1e6 / n;
            analyzeCpu[r] = ac / 1e6 / n;
            ratio[r] = (double) ac / dc;
            decodeWall[r] = n / (dw / 1e9);
            analyzeWall[r] = n / (aw / 1e9);
        }
        double[] sortedRatio = ratio.clone();
        java.util.Arrays.sort(sortedRatio);
        System.out.printf("| %s | %d | %d | %.1f | %.1f | %.2f (%.2f-%.2f) | %.1f | %.1f |%n", name, n, faces, median(decodeCpu), median(analyzeCpu),
                median(ratio), sortedRatio[0], sortedRatio[REPEATS - 1], median(decodeWall), median(analyzeWall));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v[v.length / 2];
    }

    /** @return {photos per second (wall), process CPU ms per photo}, best pass */
    private static double[] parallel(OpenCvPhotoAnalyzer analyzer, List<Path> files, int workers) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (Path p : files) {
                analyzer.analyze(p); // warm-up every worker's detector lazily
            }
            long best = Long.MAX_VALUE, bestCpu = Long.MAX_VALUE;
            for (int r = 0; r < 2; r++) {
                long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
                List<Future<PhotoAnalysis>> futures = new ArrayList<>();
                for (Path p : files) {
                    futures.add(pool.submit(() -> analyzer.analyze(p)));
                }
                for (Future<PhotoAnalysis> f : futures) {
                    f.get();
                }
                best = Math.min(best, System.nanoTime() - t0);
                bestCpu = Math.min(bestCpu, os.getProcessCpuTime() - c0);
            }
            return new double[]{files.size() / (best / 1e9), bestCpu / 1e6 / files.size()};
        } finally {
            pool.shutdown();
        }
    }
}
