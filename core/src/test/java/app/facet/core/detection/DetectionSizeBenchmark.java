package app.facet.core.detection;

import app.facet.core.testing.SharedMaterial;
import app.facet.model.BoundingBox;
import app.facet.core.imaging.DecodedPhoto;
import app.facet.core.imaging.EncodedPhoto;
import app.facet.core.imaging.EncodedPhotoReader;
import app.facet.core.imaging.PhotoDecoder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.bytedeco.opencv.global.opencv_core.setNumThreads;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Recall and time of YuNet versus detection size on large group-photo composites with known ground truth.
 * <p>
 * Each composite is a 4000x3000 JPEG (quality 90, written to a temp folder and decoded the way the analyzer does:
 * libjpeg-reduced to the smallest size at or above the detection size, then resized): a shared photo without people (no_faces/dogs.jpg, so the background holds
 * a face-like distractor) enlarged as the background, with 24 real faces cut from the single-person shared photos
 * (face plus 60% margin) pasted small, 40-150 px wide, at random non-overlapping positions (fixed seed).
 * A ground-truth face counts as found when a kept detection overlaps it with IoU >= 0.4.
 * Detections that match no ground truth are counted as false positives.
 * <p>
 * Run from the repository root (command also in docs/PERFORMANCE.md):
 * {@code ./mvnw -B -o -q -pl core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test}
 * then {@code java -cp "core/target/test-classes:core/target/classes:$(cat core/target/test.classpath)"
 * -Dfacet.shared=../shared app.facet.core.detection.DetectionSizeBenchmark}
 */
public final class DetectionSizeBenchmark {

    static final int W = 4000, H = 3000;
    static final int[] FACE_WIDTHS = {40, 50, 60, 80, 100, 150};
    static final int FACES_PER_COMPOSITE = 24;
    /** Timing = CPU time of this thread (OpenCV runs single-threaded here), best of this many runs: robust to other processes on the machine. */
    static final int REPEATS = 3;
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    record Composite(EncodedPhoto jpeg, List<BoundingBox> truth) {
    }

    static final PhotoDecoder DECODER = new PhotoDecoder();

    public static void main(String[] args) throws Exception {
        setNumThreads(1);
        Path model = SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx");
        int composites = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Mat> faces = faceCuts(model);
        Path tmp = Files.createTempDirectory("facet-composites");
        Mat background = imread(SharedMaterial.photo("no_faces/dogs.jpg").toString(), IMREAD_COLOR);
        List<Composite> set = new ArrayList<>();
        for (int i = 0; i < composites; i++) {
            set.add(compose(background, faces, new Random(42 + i), tmp.resolve("composite-" + i + ".jpg")));
        }
        int[] sizes = {640, 960, 1024, 1152, 1280, 1600, 2000, 0};
        System.out.printf("%d composites of %dx%d, %d faces each (%s px wide), single-threaded OpenCV%n%n",
                composites, W, H, FACES_PER_COMPOSITE, java.util.Arrays.toString(FACE_WIDTHS));
        StringBuilder header = new StringBuilder("| detection size | CPU ms/photo (reduced decode + downscale + detect + verify) |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int fw : FACE_WIDTHS) {
            header.append(" recall ").append(fw).append(" px |");
            rule.append("---|");
        }
        header.append(" recall all | false positives | rejected by verification (true / false faces) |");
        rule.append("---|---|---|");
        System.out.println(header);
        System.out.println(rule);
        try (YuNetFaceDetector detector = new YuNetFaceDetector(model, 0.8);
             ScaleConsistencyVerifier verifier = new ScaleConsistencyVerifier(new YuNetFaceDetector(model, 0.3), 0.8, 0.9)) {
            try (DecodedPhoto d = DECODER.decode(set.get(0).jpeg(), 1)) {
                ScaledDetection.detect(detector, d.bgr(), 640); // warm-up
            }
            for (int size : sizes) {
                int[] found = new int[FACE_WIDTHS.length], total = new int[FACE_WIDTHS.length];
                int falsePositives = 0, rejectedTrue = 0, rejectedFalse = 0;
                long nanos = 0;
                for (Composite c : set) {
                    List<DetectedFace> kept = new ArrayList<>();
                    List<DetectedFace> rejected = new ArrayList<>();
                    long best = Long.MAX_VALUE;
                    for (int rep = 0; rep < REPEATS; rep++) {
                        kept.clear();
                        rejected.clear();
                        long t0 = CPU.getCurrentThreadCpuTime();
                        // as the analyzer does: reduced JPEG decode, then downscale to the detection size
                        try (DecodedPhoto d = DECODER.decode(c.jpeg(), PhotoDecoder.reductionFor(c.jpeg().header(), size == 0 ? Integer.MAX_VALUE : size))) {
                            List<DetectedFace> raw = ScaledDetection.detect(detector, d.bgr(), size);
                            for (DetectedFace f : raw) {
                                (!verifier.uncertain(f) || verifier.verify(d.bgr(), f).confirmed() ? kept : rejected)
                                        .add(f.mapped(d.scaleX(), d.scaleY(), 0, 0));
                            }
                        }
                        best = Math.min(best, CPU.getCurrentThreadCpuTime() - t0);
                    }
                    nanos += best;
                    for (int i = 0; i < c.truth().size(); i++) {
                        BoundingBox t = c.truth().get(i);
                        int bucket = i % FACE_WIDTHS.length;
                        total[bucket]++;
                        if (kept.stream().anyMatch(f -> f.box().iou(t) >= 0.4)) {
                            found[bucket]++;
                        }
                    }
                    for (DetectedFace f : kept) {
                        if (c.truth().stream().noneMatch(t -> f.box().iou(t) >= 0.4)) {
                            falsePositives++;
                        }
                    }
                    for (DetectedFace f : rejected) {
                        if (c.truth().stream().anyMatch(t -> f.box().iou(t) >= 0.4)) rejectedTrue++; else rejectedFalse++;
                    }
                }
                StringBuilder row = new StringBuilder(String.format("| %s | %.0f |", size == 0 ? "full (4000)" : String.valueOf(size), nanos / 1e6 / set.size()));
                int allFound = 0, all = 0;
                for (int b = 0; b < FACE_WIDTHS.length; b++) {
                    row.append(String.format(" %d/%d |", found[b], total[b]));
                    allFound += found[b];
                    all += total[b];
                }
                row.append(String.format(" %.2f | %d | %d / %d |", (double) allFound / all, falsePositives, rejectedTrue, rejectedFalse));
                System.out.println(row);
            }
        }
    }

    /** Faces (with 60% margin) from every single-person shared photo, cut at the YuNet box. */
    static List<Mat> faceCuts(Path model) throws Exception {
        List<Mat> cuts = new ArrayList<>();
        List<Path> photos;
        try (Stream<Path> s = Files.walk(SharedMaterial.photos().resolve("people"))) {
            photos = s.filter(p -> p.toString().matches(".*\\.(jpg|png)")).sorted().toList();
        }
        try (YuNetFaceDetector d = new YuNetFaceDetector(model, 0.8)) {
            for (Path p : photos) {
                Mat img = imread(p.toString(), IMREAD_COLOR);
                List<DetectedFace> found = ScaledDetection.detect(d, img, 640);
                if (found.isEmpty()) {
                    continue;
                }
                BoundingBox b = found.get(0).box();
                double m = 0.3 * b.w();
                int x0 = (int) Math.max(0, b.x() - m), y0 = (int) Math.max(0, b.y() - m);
                int x1 = (int) Math.min(img.cols(), b.right() + m), y1 = (int) Math.min(img.rows(), b.bottom() + m);
                // remember where the face box sits inside the cut, as fractions
                Mat cut = new Mat(img, new Rect(x0, y0, x1 - x0, y1 - y0)).clone();
                cut.position(0);
                cuts.add(cut);
                FACE_BOXES.add(new double[]{(b.x() - x0) / (x1 - x0), (b.y() - y0) / (y1 - y0), b.w() / (x1 - x0), b.h() / (y1 - y0)});
            }
        }
        return cuts;
    }

    static final List<double[]> FACE_BOXES = new ArrayList<>();

    static Composite compose(Mat background, List<Mat> faces, Random random, Path file) throws Exception {
        Mat canvas = new Mat();
        resize(background, canvas, new Size(W, H), 0, 0, INTER_LINEAR);
        List<BoundingBox> truth = new ArrayList<>();
        List<BoundingBox> occupied = new ArrayList<>();
        for (int i = 0; i < FACES_PER_COMPOSITE; i++) {
            int k = random.nextInt(faces.size());
            Mat cut = faces.get(k);
            double[] fb = FACE_BOXES.get(k);
            double faceW = FACE_WIDTHS[i % FACE_WIDTHS.length];
            double s = faceW / (fb[2] * cut.cols());
            int cw = Math.max(1, (int) Math.round(cut.cols() * s)), ch = Math.max(1, (int) Math.round(cut.rows() * s));
            BoundingBox place;
            do {
                place = new BoundingBox(random.nextInt(W - cw), random.nextInt(H - ch), cw, ch);
            } while (overlaps(place, occupied));
            occupied.add(place);
            Mat small = new Mat();
            resize(cut, small, new Size(cw, ch), 0, 0, INTER_AREA);
            try (Rect r = new Rect((int) place.x(), (int) place.y(), cw, ch); Mat target = new Mat(canvas, r)) {
                small.copyTo(target);
            }
            truth.add(new BoundingBox(place.x() + fb[0] * cw, place.y() + fb[1] * ch, fb[2] * cw, fb[3] * ch));
        }
        imwrite(file.toString(), canvas, new org.bytedeco.javacpp.IntPointer(IMWRITE_JPEG_QUALITY, 90));
        return new Composite(new EncodedPhotoReader(EncodedPhotoReader.DEFAULT_PIXEL_LIMIT).read(file), truth);
    }

    private static boolean overlaps(BoundingBox b, List<BoundingBox> others) {
        BoundingBox grown = new BoundingBox(b.x() - 20, b.y() - 20, b.w() + 40, b.h() + 40);
        return others.stream().anyMatch(o -> grown.iou(o) > 0);
    }
}
