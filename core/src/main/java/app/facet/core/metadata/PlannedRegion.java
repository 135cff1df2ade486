package app.facet.core.metadata;

/** A named face as it will be written: its area in fractions of the stored image, and its checked name. */
record PlannedRegion(NormalizedBox area, String name) {

    /** Intersection over union in fractions of the stored image (equal to the IoU in pixels: scaling keeps ratios). */
    double iou(NormalizedBox o) {
        double ix = Math.max(0, Math.min(area.right(), o.right()) - Math.max(area.x(), o.x()));
        double iy = Math.max(0, Math.min(area.bottom(), o.bottom()) - Math.max(area.y(), o.y()));
        double inter = ix * iy;
        double union = area.w() * area.h() + o.w() * o.h() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
