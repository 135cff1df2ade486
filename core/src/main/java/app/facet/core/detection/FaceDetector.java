package app.facet.core.detection;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * Finds faces in one image. Instances are NOT thread-safe (OpenCV detectors keep per-call state):
 * give each worker thread its own.
 */
public interface FaceDetector extends AutoCloseable {

    /**
     * @param bgr 8-bit 3-channel BGR image, any size
     * @return faces with boxes and landmarks in {@code bgr}'s pixels (boxes may extend past the image edge), best first
     */
    List<DetectedFace> detect(Mat bgr);

    /** @return stable id stored with each face, e.g. {@code yunet-2023mar} or {@code haar-frontalface-alt2} */
    String id();

    /** @return whether this detector gives landmarks (Haar does not) */
    boolean givesLandmarks();

    @Override
    void close();
}
