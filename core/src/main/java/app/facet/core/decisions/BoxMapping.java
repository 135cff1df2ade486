package app.facet.core.decisions;

import app.facet.model.BoundingBox;

/**
 * Where a region of the photo before its edit lies after it: an orientation change ({@link Dihedral}) of the old
 * {@code oldWidth x oldHeight} image, then a uniform scale, then a shift (a crop moves the origin).
 *
 * @param scale new pixels per old pixel (1 for a rotation, a metadata write or a crop)
 * @param dx    shift in new pixels, added after scaling (negative: the left edge was cropped away)
 * @param dy    shift in new pixels, added after scaling
 */
public record BoxMapping(Dihedral orientation, double oldWidth, double oldHeight, double scale, double dx, double dy) {

    static BoxMapping identity(double width, double height) {
        return new BoxMapping(Dihedral.IDENTITY, width, height, 1, 0, 0);
    }

    /** @param old bounding box in the old image's pixels after EXIF orientation; @return the box in the new image's */
    public BoundingBox map(BoundingBox old) {
        BoundingBox turned = orientation.map(old, oldWidth, oldHeight);
        return new BoundingBox(turned.x() * scale + dx, turned.y() * scale + dy, turned.w() * scale, turned.h() * scale);
    }
}
