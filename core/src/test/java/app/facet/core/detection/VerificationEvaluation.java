package app.facet.core.detection;

import app.facet.core.testing.SharedMaterial;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

/**
 * Measures the verification stage (ScaleConsistencyVerifier) on every shared photo and on harder variants of each
 * (blurred, dark, greyscale, rotated 30 degrees), at detection sizes 640 and 1280: how many detections fall in the
 * uncertain band and which of them the rule keeps. Prints a markdown table for docs/DETECTION.md.
 * <p>
 * Run from the repository root: {@code ./mvnw -B -o -q -pl core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test}
 * then {@code java -cp "core/target/test-classes:core/target/classes:$(cat core/target/test.classpath)"
 * -Dfacet.shared=../shared app.facet.core.detection.VerificationEvaluation}
 */
public final class VerificationEvaluation {

    public static void main(String[] args) throws Exception {
        Path model = SharedMaterial.models().resolve("face_detection_yunet_2023mar.onnx");
        List<String[]> labels = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(SharedMaterial.photos().resolve("labels.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                labels.add(new String[]{r.get("path"), r.get("min_faces"), r.get("max_faces")});
            }
        }
        try (YuNetFaceDetector detector = new YuNetFaceDetector(model, 0.8);
             ScaleConsistencyVerifier verifier = new ScaleConsistencyVerifier(new YuNetFaceDetector(model, 0.3), 0.8, 0.9)) {
            System.out.println("| photo | variant | det. size | score | views 48/96/192 | scale-consistent | Haar | kept |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            int uncertain = 0, keptHuman = 0, rejectedHuman = 0, keptNonFace = 0, rejectedNonFace = 0;
            for (String[] label : labels) {
                boolean noFaces = label[2].equals("0");
                Mat original = imread(SharedMaterial.photo(label[0]).toString(), IMREAD_COLOR);
                for (Map.Entry<String, Mat> v : variants(original).entrySet()) {
                    for (int size : new int[]{640, 1280}) {
                        for (DetectedFace f : ScaledDetection.detect(detector, v.getValue(), size)) {
                            if (!verifier.uncertain(f)) {
                                continue;
                            }
                            uncertain++;
                            ScaleConsistencyVerifier.Verdict verdict = verifier.verify(v.getValue(), f);
                            if (noFaces) {
                                if (verdict.confirmed()) keptNonFace++; else rejectedNonFace++;
                            } else {
                                if (verdict.confirmed()) keptHuman++; else rejectedHuman++;
                            }
                            System.out.printf("| %s | %s | %d | %.3f | %s | %s | %s | %s |%n", label[0], v.getKey(), size, f.score(),
                                    Arrays.toString(Arrays.stream(verdict.viewScores()).mapToObj(s -> Double.isNaN(s) ? "-" : String.format("%.2f", s)).toArray()),
                                    verdict.scaleConsistent() ? "yes" : "no", verdict.secondDetector() == null ? "not needed" : verdict.secondDetector() ? "yes" : "no", verdict.confirmed() ? "**kept**" : "rejected");
                        }
                    }
                }
            }
            System.out.printf("%nuncertain detections: %d; in photos with faces: kept %d, rejected %d; in no-face photos: kept %d, rejected %d%n",
                    uncertain, keptHuman, rejectedHuman, keptNonFace, rejectedNonFace);
        }
    }

    static Map<String, Mat> variants(Mat img) {
        Map<String, Mat> out = new LinkedHashMap<>();
        out.put("original", img);
        Mat blur = new Mat();
        GaussianBlur(img, blur, new Size(0, 0), Math.max(img.cols(), img.rows()) / 300.0);
        out.put("blurred", blur);
        Mat dark = new Mat();
        img.convertTo(dark, -1, 0.35, 0);
        out.put("dark", dark);
        Mat grey = new Mat();
        cvtColor(img, grey, COLOR_BGR2GRAY);
        cvtColor(grey, grey, COLOR_GRAY2BGR);
        out.put("grey", grey);
        Mat rot = new Mat();
        try (Point2f c = new Point2f(img.cols() / 2f, img.rows() / 2f); Mat m = getRotationMatrix2D(c, 30, 1)) {
            warpAffine(img, rot, m, img.size());
        }
        out.put("rotated 30", rot);
        return out;
    }
}
