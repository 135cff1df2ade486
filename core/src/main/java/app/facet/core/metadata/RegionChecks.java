package app.facet.core.metadata;

import app.facet.core.rules.PersonNames;
import app.facet.model.BoundingBox;

import java.util.List;

import static app.facet.core.metadata.MetadataProblem.Reason.ABSURD_SIZE;
import static app.facet.core.metadata.MetadataProblem.Reason.CLIPPED;
import static app.facet.core.metadata.MetadataProblem.Reason.INVALID_AREA;
import static app.facet.core.metadata.MetadataProblem.Reason.OUTSIDE_IMAGE;
import static app.facet.core.metadata.MetadataProblem.Reason.UNSAFE_NAME;

/**
 * Turns a raw region into a {@link FaceRegion} in Facet's space, or refuses it, recording one problem per defect:
 * no usable area; mostly outside the image (dropped) or partly (clipped); smaller than {@value #MIN_SIDE_PX} px
 * or covering the whole image (digiKam ignores such full-frame regions too, KDE bug 437708); an unsafe name (the
 * box is kept, unnamed).
 */
final class RegionChecks {
    /** Smallest side of an accepted region, oriented pixels. */
    static final double MIN_SIDE_PX = 4;
    /** A region keeping less than this share of its area inside the image is dropped rather than clipped. */
    static final double MIN_INSIDE_SHARE = 0.5;
    /** Clipping less than this (fraction of the image side) is rounding, not worth a problem. */
    private static final double CLIP_NOTICE = 0.005;
    /** Regions at least this large in both directions cover the whole frame. */
    private static final double WHOLE_FRAME = 0.98;

    private RegionChecks() {
    }

    /** @return the region, or null when it was refused (a problem says why) */
    static FaceRegion check(RawRegion raw, RegionProvenance provenance, PhotoGeometry geometry, List<MetadataProblem> problems) {
        String label = label(raw, provenance);
        if (raw.area() == null) {
            problems.add(new MetadataProblem(provenance.file(), INVALID_AREA, label + " " + raw.areaError() + "; not imported."));
            return null;
        }
        NormalizedBox area = raw.area();
        if (!area.finite() || !(area.w() > 0) || !(area.h() > 0)) {
            problems.add(new MetadataProblem(provenance.file(), INVALID_AREA, String.format(
                    "%s has an area of size %s x %s, which is not a positive size; not imported.", label, area.w(), area.h())));
            return null;
        }
        NormalizedBox inside = area.clippedToUnit();
        if (inside == null || inside.w() * inside.h() < MIN_INSIDE_SHARE * area.w() * area.h()) {
            problems.add(new MetadataProblem(provenance.file(), OUTSIDE_IMAGE, String.format(
                    "%s lies mostly outside the image (x=%.3f y=%.3f w=%.3f h=%.3f of the stored image); not imported.",
                    label, area.x(), area.y(), area.w(), area.h())));
            return null;
        }
        if (inside.w() >= WHOLE_FRAME && inside.h() >= WHOLE_FRAME) {
            problems.add(new MetadataProblem(provenance.file(), ABSURD_SIZE,
                    label + " covers the whole image, which marks the photo rather than a face; not imported."));
            return null;
        }
        BoundingBox box = geometry.toOriented(inside);
        if (box.w() < MIN_SIDE_PX || box.h() < MIN_SIDE_PX) {
            problems.add(new MetadataProblem(provenance.file(), ABSURD_SIZE, String.format(
                    "%s is %.1f x %.1f pixels, smaller than %.0f pixels a side; not imported.", label, box.w(), box.h(), MIN_SIDE_PX)));
            return null;
        }
        if (clippedNoticeably(area, inside)) {
            problems.add(new MetadataProblem(provenance.file(), CLIPPED, label + " extends past the image edge; clipped to the image."));
        }
        PersonNames.Checked name = PersonNames.check(raw.rawName());
        if (name.refused()) {
            problems.add(new MetadataProblem(provenance.file(), UNSAFE_NAME, label + ": " + name.refusal()
                    + "; the region is kept without a name."));
        }
        return new FaceRegion(box, name.value(), provenance);
    }

    private static boolean clippedNoticeably(NormalizedBox area, NormalizedBox inside) {
        return inside.x() - area.x() > CLIP_NOTICE || inside.y() - area.y() > CLIP_NOTICE
                || area.right() - inside.right() > CLIP_NOTICE || area.bottom() - inside.bottom() > CLIP_NOTICE;
    }

    private static String label(RawRegion raw, RegionProvenance provenance) {
        PersonNames.Checked name = PersonNames.check(raw.rawName());
        String who = name.value() != null ? " '" + name.value() + "'" : "";
        return "Face region" + who + " (" + provenance.describe() + ")";
    }
}
