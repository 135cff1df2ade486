package app.facet.model;

import java.util.List;

/**
 * The five facial landmarks YuNet returns, in original-image pixels after EXIF orientation,
 * in this order: right eye, left eye, nose tip, right mouth corner, left mouth corner
 * ("right" is the subject's right, which appears on the left of the image).
 */
public record Landmarks(Point2 rightEye, Point2 leftEye, Point2 nose, Point2 mouthRight, Point2 mouthLeft) {
    public List<Point2> asList() {
        return List.of(rightEye, leftEye, nose, mouthRight, mouthLeft);
    }

    /** @param xy ten values x0,y0 .. x4,y4 in the order above */
    public static Landmarks of(double... xy) {
        if (xy.length != 10) {
            throw new IllegalArgumentException("landmarks need 10 values, got " + xy.length);
        }
        return new Landmarks(new Point2(xy[0], xy[1]), new Point2(xy[2], xy[3]), new Point2(xy[4], xy[5]),
                new Point2(xy[6], xy[7]), new Point2(xy[8], xy[9]));
    }

    public Landmarks scaled(double s) {
        return new Landmarks(rightEye.scaled(s), leftEye.scaled(s), nose.scaled(s), mouthRight.scaled(s), mouthLeft.scaled(s));
    }
}
