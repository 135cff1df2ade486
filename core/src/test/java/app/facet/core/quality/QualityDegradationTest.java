package app.facet.core.quality;

import app.facet.core.alignment.FaceAligner;
import app.facet.core.detection.DetectedFace;
import app.facet.core.detection.ScaledDetection;
import app.facet.core.detection.YuNetFaceDetector;
import app.facet.core.testing.SharedMaterial;
import app.facet.model.BoundingBox;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

/**
 * The quality score on real faces (every face YuNet finds in the shared photos) and degraded copies of them: blur,
 * darkening, noise, JPEG and down-then-up scaling, five levels each, applied at face scale (see {@link FaceSamples},
 * {@link Degradation}). Prints the table reported in docs/QUALITY.md.
 */
class QualityDegradationTest {

    private static final FaceQualityEstimator ESTIMATOR = new FaceQualityEstimator();
    private static final FaceAligner ALIGNER = new FaceAligner();
    private static List<FaceSamples.Sample> samples;

    @BeforeAll
    static void load() {
        samples = FaceSamples.load();
    }

    @AfterAll
    static void release() {
        samples.forEach(s -> s.region().close());
    }

    @Test
    void everyDegradationLowersTheScoreStepByStep() {
        assertThat(samples).as("faces found in the shared photos").hasSizeGreaterThanOrEqualTo(20);
        Map<Degradation, Tally> tallies = new EnumMap<>(Degradation.class);
        List<String> failures = new ArrayList<>();
        for (Degradation d : Degradation.values()) {
            Tally t = new Tally();
            for (FaceSamples.Sample s : samples) {
                double[] scores = series(s, d);
                t.add(scores);
                if (!(scores[scores.length - 1] < scores[0])) {
                    failures.add(s.name() + " " + d + " last level not below the original: " + java.util.Arrays.toString(scores));
                }
                if (Spearman.rho(levels(scores.length), scores) > -0.75) {
                    failures.add(s.name() + " " + d + " levels and scores barely rank alike: " + java.util.Arrays.toString(scores));
                }
            }
            tallies.put(d, t);
        }
        report(tallies);
        assertThat(failures).as("each face's scores fall with each degradation").isEmpty();
        int steps = tallies.values().stream().mapToInt(t -> t.steps).sum();
        int lower = tallies.values().stream().mapToInt(t -> t.lowerSteps).sum();
        assertThat((double) lower / steps).as("share of single steps that score strictly lower").isGreaterThanOrEqualTo(0.98);
        tallies.forEach((d, t) -> assertThat(t.pooledRho()).as(d + ": Spearman of level vs score over all faces").isLessThan(-0.3));
    }

    /** The face of issue 11: a 12 px Gaussian blur on the photo used to leave it "Good 0.64". */
    @Test
    void aPhotoBlurredWith12PxIsNoLongerRatedGood() {
        try (Mat img = imread(SharedMaterial.photo("people/barack_obama/obama.jpg").toString(), IMREAD_COLOR);
             Mat blurred = new Mat(); Size auto = new Size(0, 0);
             YuNetFaceDetector d = new YuNetFaceDetector(SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx"), 0.6)) {
            GaussianBlur(img, blurred, auto, 12);
            DetectedFace sharpFace = ScaledDetection.detect(d, img, 640).get(0);
            List<DetectedFace> found = ScaledDetection.detect(d, blurred, 640);
            DetectedFace softFace = found.isEmpty() ? sharpFace : found.get(0);
            QualityMetrics sharp = measure(img, sharpFace), soft = measure(blurred, softFace);
            System.out.printf(java.util.Locale.ROOT, "obama.jpg: %.2f %s; blurred 12 px: %.2f %s (face re-detected: %s)%n",
                    sharp.overall(), sharp.label(), soft.overall(), soft.label(), !found.isEmpty());

            assertThat(sharp.label()).isIn(QualityLabel.EXCELLENT, QualityLabel.GOOD);
            assertThat(soft.label()).as("quality %.2f", soft.overall()).isIn(QualityLabel.FAIR, QualityLabel.POOR);
            assertThat(soft.overall()).isLessThan(sharp.overall() - 0.25);
        }
    }

    /** A hand-drawn box on hair: no landmarks, no detection score; it must not be rated excellent nor beat the face. */
    @Test
    void aHandDrawnBoxOnHairIsNotExcellent() {
        try (Mat img = imread(SharedMaterial.photo("people/barack_obama/obama.jpg").toString(), IMREAD_COLOR);
             YuNetFaceDetector d = new YuNetFaceDetector(SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx"), 0.6)) {
            DetectedFace face = ScaledDetection.detect(d, img, 640).get(0);
            BoundingBox b = face.box();
            BoundingBox hair = new BoundingBox(b.x() + 0.2 * b.w(), Math.max(0, b.y() - 0.25 * b.h()), 0.6 * b.w(), 0.4 * b.h());
            QualityMetrics faceQuality = measure(img, face);
            QualityMetrics hairQuality;
            try (Mat aligned = ALIGNER.alignBox(img, hair)) {
                hairQuality = ESTIMATOR.estimate(aligned, hair, null, 0.0);
            }
            System.out.printf(java.util.Locale.ROOT, "obama.jpg: face %.2f %s; hand-drawn box on hair %.2f %s%n",
                    faceQuality.overall(), faceQuality.label(), hairQuality.overall(), hairQuality.label());
            assertThat(hairQuality.label()).isNotEqualTo(QualityLabel.EXCELLENT);
            assertThat(hairQuality.overall()).isLessThan(faceQuality.overall());
            assertThat(hairQuality.frontalPose()).isNaN();
        }
    }

    private static QualityMetrics measure(Mat img, DetectedFace f) {
        try (Mat aligned = ALIGNER.align(img, f.landmarks())) {
            return ESTIMATOR.estimate(aligned, f.box(), f.landmarks(), f.score());
        }
    }

    /** @return the overall score at level 0 (untouched) .. 5 */
    private static double[] series(FaceSamples.Sample s, Degradation d) {
        double[] out = new double[d.levelCount() + 1];
        for (int level = 0; level <= d.levelCount(); level++) {
            Mat img = level == 0 ? s.region() : d.apply(s.region(), level);
            try (Mat aligned = ALIGNER.align(img, s.landmarks())) {
                out[level] = ESTIMATOR.estimate(aligned, s.box(), s.landmarks(), s.face().score()).overall();
            } finally {
                if (level > 0) {
                    img.close();
                }
            }
        }
        return out;
    }

    private static double[] levels(int n) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = i;
        }
        return l;
    }

    private static void report(Map<Degradation, Tally> tallies) {
        StringBuilder sb = new StringBuilder(String.format("%nfaces: %d%n| degradation | levels | series strictly falling | steps strictly lower "
                + "| Spearman ρ per face (mean, worst) | Spearman ρ pooled over faces |%n|---|---|---|---|---|---|%n", samples.size()));
        tallies.forEach((d, t) -> {
            StringBuilder lv = new StringBuilder();
            for (int i = 1; i <= d.levelCount(); i++) {
                lv.append(i > 1 ? ", " : "").append(d.level(i) == Math.rint(d.level(i)) ? String.valueOf((long) d.level(i)) : String.valueOf(d.level(i)));
            }
            sb.append(String.format("| %s | %s | %d / %d | %d / %d | %.3f, %.3f | %.3f |%n", d.name().toLowerCase(java.util.Locale.ROOT),
                    lv, t.strictSeries, t.series, t.lowerSteps, t.steps, t.meanRho(), t.worstRho, t.pooledRho()));
        });
        System.out.print(sb);
    }

    /** Counts for one degradation over all faces. */
    private static final class Tally {
        int series, strictSeries, steps, lowerSteps;
        double rhoSum, worstRho = -1;
        final List<Double> pooledLevels = new ArrayList<>(), pooledScores = new ArrayList<>();

        void add(double[] scores) {
            series++;
            boolean strict = true;
            for (int i = 1; i < scores.length; i++) {
                steps++;
                if (scores[i] < scores[i - 1]) {
                    lowerSteps++;
                } else {
                    strict = false;
                }
            }
            if (strict) {
                strictSeries++;
            }
            double rho = Spearman.rho(levels(scores.length), scores);
            rhoSum += rho;
            worstRho = Math.max(worstRho, rho);
            for (int i = 0; i < scores.length; i++) {
                pooledLevels.add((double) i);
                pooledScores.add(scores[i]);
            }
        }

        double meanRho() {
            return rhoSum / series;
        }

        double pooledRho() {
            return Spearman.rho(pooledLevels.stream().mapToDouble(Double::doubleValue).toArray(),
                    pooledScores.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
