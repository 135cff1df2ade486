package app.facet.core.analysis;

import app.facet.core.detection.DetectedFace;
import app.facet.core.detection.FaceDetector;
import app.facet.core.detection.ScaleConsistencyVerifier;
import app.facet.core.detection.ScaledDetection;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's detection stage: the detector plus (for YuNet) the verification of uncertain detections.
 * Not thread-safe: borrowed from a pool by one thread at a time.
 */
final class DetectionWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DetectionWorker.class);

    private final FaceDetector detector;
    private final ScaleConsistencyVerifier verifier;

    DetectionWorker(DetectorChoice choice, AnalyzerConfig config) {
        this.detector = choice.newDetector(config.scoreThreshold());
        this.verifier = choice.yunet()
                ? new ScaleConsistencyVerifier(choice.newDetector(Math.min(0.3, config.scoreThreshold())), config.scoreThreshold(), config.certainScore())
                : null;
    }

    FaceDetector detector() {
        return detector;
    }

    /**
     * @param image         decoded photo (any resolution)
     * @param detectionSize long side of the detection image, 0 = as is
     * @return verified faces in {@code image}'s pixels, boxes clipped to it, best first
     */
    List<DetectedFace> detect(Mat image, int detectionSize, Path photo) {
        List<DetectedFace> found = ScaledDetection.detect(detector, image, detectionSize);
        if (verifier == null) {
            return found;
        }
        List<DetectedFace> kept = new ArrayList<>(found.size());
        for (DetectedFace f : found) {
            if (!verifier.uncertain(f)) {
                kept.add(f);
                continue;
            }
            ScaleConsistencyVerifier.Verdict v = verifier.verify(image, f);
            if (v.confirmed()) {
                kept.add(f);
            } else {
                log.info("event=detection_rejected reason=not_confirmed_by_second_look score={} views={} photo={}",
                        String.format("%.3f", f.score()), java.util.Arrays.toString(v.viewScores()), photo);
            }
        }
        return kept;
    }

    /** Runs the detector only (no verification): for a region the user marked as a face. */
    List<DetectedFace> detectUnverified(Mat image, int detectionSize) {
        return ScaledDetection.detect(detector, image, detectionSize);
    }

    @Override
    public void close() {
        detector.close();
        if (verifier != null) {
            verifier.close();
        }
    }
}
