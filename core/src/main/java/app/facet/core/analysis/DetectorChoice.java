package app.facet.core.analysis;

import app.facet.core.detection.FaceDetector;
import app.facet.core.detection.HaarFaceDetector;
import app.facet.core.detection.YuNetFaceDetector;
import app.facet.core.embedding.DetectorModelDescription;
import app.facet.core.embedding.ModelLocator;
import app.facet.core.embedding.ModelLookup;

import java.nio.file.Path;

/**
 * Which face detector runs and why: YuNet when its model file is present and matches its pinned SHA-256,
 * else the Haar cascade shipped inside the OpenCV jar.
 *
 * @param detectorId  {@code yunet-2023mar} or {@code haar-frontalface-alt2}
 * @param yunetModel  verified YuNet file, null for Haar
 * @param reason      one sentence: why this detector was chosen
 * @param description human-readable line for logs and summaries
 */
record DetectorChoice(String detectorId, Path yunetModel, String reason, String description) {

    static DetectorChoice choose(ModelLocator locator) {
        ModelLookup<DetectorModelDescription> yunet = locator.findYuNet();
        if (yunet.model() != null) {
            return new DetectorChoice(YuNetFaceDetector.ID, yunet.model().file(),
                    "model file present and SHA-256 verified", "YuNet 2023mar (OpenCV FaceDetectorYN)");
        }
        return new DetectorChoice(HaarFaceDetector.ID, null, yunet.unavailableReason(),
                "Haar cascade frontalface_alt2 (OpenCV; fallback because YuNet is unavailable: " + yunet.unavailableReason() + ")");
    }

    boolean yunet() {
        return yunetModel != null;
    }

    /** @param threshold minimum YuNet score (ignored by Haar, which has no calibrated score) */
    FaceDetector newDetector(double threshold) {
        return yunet() ? new YuNetFaceDetector(yunetModel, threshold) : new HaarFaceDetector();
    }
}
