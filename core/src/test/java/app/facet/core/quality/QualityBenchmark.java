package app.facet.core.quality;

import app.facet.core.alignment.FaceAligner;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time of {@link FaceQualityEstimator#estimate} per aligned face (alignment not included), over every face of the
 * shared photos, repeated. Usage: {@code scripts/bench core app.facet.core.quality.QualityBenchmark [rounds]}.
 */
public final class QualityBenchmark {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        FaceAligner aligner = new FaceAligner();
        FaceQualityEstimator estimator = new FaceQualityEstimator();
        List<FaceSamples.Sample> samples = FaceSamples.load();
        List<Mat> aligned = new ArrayList<>();
        samples.forEach(s -> aligned.add(aligner.align(s.region(), s.landmarks())));
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            int n = 0;
            for (int repeat = 0; repeat < 40; repeat++) {
                for (int i = 0; i < samples.size(); i++, n++) {
                    FaceSamples.Sample s = samples.get(i);
                    estimator.estimate(aligned.get(i), s.box(), s.landmarks(), s.face().score());
                }
            }
            System.out.printf(Locale.ROOT, "round %d: %.2f ms per face (%d faces, 1 thread)%n", round, (System.nanoTime() - t0) / 1e6 / n, n);
        }
        aligned.forEach(Mat::close);
    }
}
