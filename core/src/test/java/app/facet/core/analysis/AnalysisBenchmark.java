package app.facet.core.analysis;

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
 * Timing is the CPU time of the calling thread (OpenCV and ONNX Runtime are single-threaded per call here), best of
 * REPEATS alternating runs per file, so other processes on the machine do not distort the ratio; wall-clock photos/s are printed too,
 * and a 2-worker parallel pass shows the effect of OpenCV's own threading (setNumThreads(1) vs the default).
 * <p>
 * Run from the repository root: see docs/PERFORMANCE.md ("Analysis pipeline").
 */
public final class AnalysisBenchmark {

    static final int REPEATS = 5;
    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<Path> shared;
        try (Stream<Path> s = Files.walk(SharedMaterial.photos())) {
            shared = s.filter(p -> p.toString().matches(".*\\.(jpg|png)")).sorted().toList();
        }
        Path tmp = Files.createTempDirectory("facet-bench");
        List<Path> big = makeTwelveMegapixel(shared, tmp);
        AnalyzerConfig config = AnalyzerConfig.defaults(SharedMaterial.models()).withEmbeddingModelId("mobilefacenet");
        if (args.length > 0) {
            config = config.withDetectionSize(Integer.parseInt(args[0]));
        }
        try (OpenCvPhotoAnalyzer analyzer = new OpenCvPhotoAnalyzer(config)) {
            System.out.println("detector: " + analyzer.describeDetector() + "; embedding: " + analyzer.embeddingModelId().orElse("none")
                    + "; detection size " + analyzer.config().detectionSize() + "; " + Runtime.getRuntime().availableProcessors() + " cores");
            System.out.println();
            System.out.println("| set | photos | faces | plain imread CPU ms/photo | analyze CPU ms/photo | ratio | plain imread photos/s (wall) | analyze photos/s (wall) |");
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
        // Decode and analysis of the same file alternate, each the best of REPEATS, so both see the same machine load.
        long decodeCpu = 0, analyzeCpu = 0, decodeWall = 0, analyzeWall = 0;
        int faces = 0;
        for (Path p : files) {
            long dc = Long.MAX_VALUE, ac = Long.MAX_VALUE, dw = Long.MAX_VALUE, aw = Long.MAX_VALUE;
            for (int r = 0; r < REPEATS; r++) {
                long c0 = CPU.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                try (Mat m = imread(p.toString(), IMREAD_COLOR)) {
                    if (m.empty()) {
                        throw new IllegalStateException("cannot decode " + p);
                    }
                }
                long c1 = CPU.getCurrentThreadCpuTime(), w1 = System.nanoTime();
                int n = analyzer.analyze(p).faces().size();
                long c2 = CPU.getCurrentThreadCpuTime(), w2 = System.nanoTime();
                if (r == 0) {
                    faces += n;
                }
                dc = Math.min(dc, c1 - c0);
                ac = Math.min(ac, c2 - c1);
                dw = Math.min(dw, w1 - w0);
                aw = Math.min(aw, w2 - w1);
            }
            decodeCpu += dc;
            analyzeCpu += ac;
            decodeWall += dw;
            analyzeWall += aw;
        }
        int n = files.size();
        System.out.printf("| %s | %d | %d | %.1f | %.1f | %.2f | %.1f | %.1f |%n", name, n, faces, decodeCpu / 1e6 / n, analyzeCpu / 1e6 / n,
                (double) analyzeCpu / decodeCpu, n / (decodeWall / 1e9), n / (analyzeWall / 1e9));
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

    /**
     * An enlarged photo is smoother than a camera photo, so its JPEG is small and decodes unrealistically fast; Gaussian
     * noise (sigma 6 grey levels, like sensor noise) brings a 12 MP file to ~3 MB, the size of a camera JPEG.
     */
    static void addSensorNoise(Mat img) {
        try (Mat noise = new Mat(img.size(), CV_16SC3); Mat wide = new Mat();
             Mat mean = new Mat(1, 1, CV_64F, new Scalar(0)); Mat sigma = new Mat(1, 1, CV_64F, new Scalar(6))) {
            theRNG().state(7);
            randn(noise, mean, sigma);
            img.convertTo(wide, CV_16SC3);
            add(wide, noise, wide);
            wide.convertTo(img, CV_8UC3);
        }
    }

    /** 4000x3000 JPEGs (quality 90): each shared photo of a person or group, scaled to cover 4000x3000 and centre-cropped. */
    static List<Path> makeTwelveMegapixel(List<Path> shared, Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p : shared) {
            String rel = p.toString();
            if (!(rel.contains("/people/") || rel.contains("/groups/"))) {
                continue;
            }
            try (Mat img = imread(rel, IMREAD_COLOR); Mat scaled = new Mat()) {
                double s = Math.max(4000.0 / img.cols(), 3000.0 / img.rows());
                int w = (int) Math.ceil(img.cols() * s), h = (int) Math.ceil(img.rows() * s);
                resize(img, scaled, new Size(w, h), 0, 0, INTER_CUBIC);
                try (Rect r = new Rect((w - 4000) / 2, (h - 3000) / 2, 4000, 3000); Mat crop = new Mat(scaled, r).clone()) {
                    addSensorNoise(crop);
                    Path target = dir.resolve(p.getFileName().toString().replaceAll("\\.\\w+$", "") + "-12mp.jpg");
                    imwrite(target.toString(), crop, new org.bytedeco.javacpp.IntPointer(IMWRITE_JPEG_QUALITY, 90));
                    out.add(target);
                }
            }
        }
        return out;
    }
}
