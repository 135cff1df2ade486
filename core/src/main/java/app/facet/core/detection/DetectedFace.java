package app.facet.core.detection;

import app.facet.model.BoundingBox;
import app.facet.model.Landmarks;

/**
 * One detector hit, in the pixel space of the image the detector was given (see each producer's docs
 * for which image that is).
 *
 * @param box       bounding box
 * @param landmarks five landmarks (right eye, left eye, nose tip, right and left mouth corners), null when the detector gives none
 * @param score     detector confidence in [0, 1]
 */
public record DetectedFace(BoundingBox box, Landmarks landmarks, double score) {

    /** @return this face with every coordinate multiplied by (sx, sy) and then shifted by (dx, dy) */
    public DetectedFace mapped(double sx, double sy, double dx, double dy) {
        BoundingBox b = new BoundingBox(box.x() * sx + dx, box.y() * sy + dy, box.w() * sx, box.h() * sy);
        Landmarks l = null;
        if (landmarks != null) {
            double[] xy = new double[10];
            int i = 0;
            for (var p : landmarks.asList()) {
                xy[i++] = p.x() * sx + dx;
                xy[i++] = p.y() * sy + dy;
            }
            l = Landmarks.of(xy);
        }
        return new DetectedFace(b, l, score);
    }

    /** @return the same face with its box clipped to a width x height image, or null when nothing of it is inside */
    public DetectedFace clippedTo(int width, int height) {
        BoundingBox clipped = box.clippedTo(width, height);
        return clipped == null ? null : new DetectedFace(clipped, landmarks, score);
    }
}
