package app.facet.core.analysis;

import app.facet.core.detection.FaceDetector;
import app.facet.core.detection.HaarFaceDetector;
import app.facet.core.detection.YuNetFaceDetector;
import app.facet.core.embedding.BuiltInDetectorModel;
import app.facet.core.embedding.DetectorModelDescription;
import app.facet.core.embedding.ModelLocator;
import app.facet.core.embedding.ModelLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Which face detector runs and why: YuNet from the models folder when its file there matches its pinned SHA-256,
 * else the YuNet copy built into the application (SHA-256 checked too), else the Haar cascade shipped inside the
 * OpenCV jar.
 *
 * @param detectorId  {@code yunet-2023mar} or {@code haar-frontalface-alt2}
 * @param yunetModel  verified YuNet file from the models folder, or null
 * @param yunetBytes  verified built-in YuNet model, or null
 * @param reason      one sentence: why this detector was chosen
 * @param description human-readable line for logs, summaries and Help → About
 */
record DetectorChoice(String detectorId, Path yunetModel, byte[] yunetBytes, String reason, String description) {
    private static final Logger log = LoggerFactory.getLogger(DetectorChoice.class);
    static final String YUNET = "YuNet 2023mar (OpenCV DNN)";
    static final String YUNET_BUILT_IN = "YuNet 2023mar (OpenCV DNN, built in)";

    /** @param builtIn whether the built-in YuNet may be used when the models folder has none */
    static DetectorChoice choose(ModelLocator locator, boolean builtIn) {
        ModelLookup<DetectorModelDescription> yunet = locator.findYuNet();
        if (yunet.model() != null) {
            return new DetectorChoice(YuNetFaceDetector.ID, yunet.model().file(), null,
                    "model file present and SHA-256 verified", YUNET);
        }
        String reason = yunet.unavailableReason();
        if (builtIn) {
            try {
                byte[] bytes = BuiltInDetectorModel.load(locator.descriptions().yunet());
                return new DetectorChoice(YuNetFaceDetector.ID, null, bytes, "built-in model, SHA-256 verified", YUNET_BUILT_IN);
            } catch (IOException e) {
                log.error("event=built_in_detector_unusable reason=\"{}\"", e.getMessage(), e);
                reason = "The built-in YuNet model cannot be used: " + e.getMessage() + ".";
            }
        }
        return new DetectorChoice(HaarFaceDetector.ID, null, null, reason,
                "Haar cascade frontalface_alt2 (OpenCV; fallback because YuNet is unavailable: " + reason + ")");
    }

    boolean yunet() {
        return yunetModel != null || yunetBytes != null;
    }

    /** @param threshold minimum YuNet score (ignored by Haar, which has no calibrated score) */
    FaceDetector newDetector(double threshold) {
        if (yunetModel != null) {
            return new YuNetFaceDetector(yunetModel, threshold);
        }
        return yunetBytes != null ? new YuNetFaceDetector(yunetBytes, threshold) : new HaarFaceDetector();
    }
}
