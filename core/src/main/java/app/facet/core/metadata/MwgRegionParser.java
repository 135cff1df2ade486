package app.facet.core.metadata;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;

import java.util.ArrayList;
import java.util.List;

import static app.facet.core.metadata.XmpNamespaces.MWG_RS;
import static app.facet.core.metadata.XmpNamespaces.ST_AREA;
import static app.facet.core.metadata.XmpNamespaces.ST_DIM;
import static app.facet.core.metadata.XmpValues.field;
import static app.facet.core.metadata.XmpValues.item;
import static app.facet.core.metadata.XmpValues.number;
import static app.facet.core.metadata.XmpValues.string;

/**
 * Reads MWG face regions ({@code mwg-rs:Regions/mwg-rs:RegionList}, items of {@code mwg-rs:Type} Face or without
 * a type) from one XMP packet. Areas are centre-based; unit {@code normalized} (or absent) is taken as fractions of
 * the stored image, unit {@code pixel} is divided by {@code AppliedToDimensions}.
 */
final class MwgRegionParser {
    static final String REGIONS = "Regions";

    /** @param appliedToWidth AppliedToDimensions w in pixels, NaN when absent */
    record Result(List<RawRegion> regions, int listSize, double appliedToWidth, double appliedToHeight) {
    }

    private MwgRegionParser() {
    }

    static String regionListPath() throws XMPException {
        XmpNamespaces.ensureRegistered();
        return field(REGIONS, MWG_RS, "RegionList");
    }

    static String dimensionsPath() throws XMPException {
        XmpNamespaces.ensureRegistered();
        return field(REGIONS, MWG_RS, "AppliedToDimensions");
    }

    /** @param cap read at most this many list items */
    static Result parse(XMPMeta meta, int cap) throws XMPException {
        String list = regionListPath();
        String dims = dimensionsPath();
        double dimW = number(meta, MWG_RS, field(dims, ST_DIM, "w"));
        double dimH = number(meta, MWG_RS, field(dims, ST_DIM, "h"));
        String dimUnit = string(meta, MWG_RS, field(dims, ST_DIM, "unit"));
        if (dimUnit != null && !dimUnit.strip().equalsIgnoreCase("pixel")) {
            dimW = Double.NaN;
            dimH = Double.NaN;
        }
        int count = meta.doesPropertyExist(MWG_RS, list) ? meta.countArrayItems(MWG_RS, list) : 0;
        List<RawRegion> out = new ArrayList<>();
        for (int i = 1; i <= Math.min(count, cap); i++) {
            String region = item(list, i);
            String type = string(meta, MWG_RS, field(region, MWG_RS, "Type"));
            if (type != null && !type.strip().equalsIgnoreCase("Face")) {
                continue; // Pet, Focus, BarCode: not ours to read
            }
            String name = string(meta, MWG_RS, field(region, MWG_RS, "Name"));
            out.add(area(meta, field(region, MWG_RS, "Area"), name, i, dimW, dimH));
        }
        return new Result(out, count, dimW, dimH);
    }

    static RawRegion area(XMPMeta meta, String area, String name, int index, double dimW, double dimH) throws XMPException {
        if (!meta.doesPropertyExist(MWG_RS, area)) {
            return RawRegion.invalid(name, index, "has no mwg-rs:Area");
        }
        double x = number(meta, MWG_RS, field(area, ST_AREA, "x"));
        double y = number(meta, MWG_RS, field(area, ST_AREA, "y"));
        double w = number(meta, MWG_RS, field(area, ST_AREA, "w"));
        double h = number(meta, MWG_RS, field(area, ST_AREA, "h"));
        String unit = string(meta, MWG_RS, field(area, ST_AREA, "unit"));
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(w) || Double.isNaN(h)) {
            return RawRegion.invalid(name, index, "has an area whose x, y, w or h is missing or not a number");
        }
        if (unit == null || unit.strip().equalsIgnoreCase("normalized")) {
            return RawRegion.of(NormalizedBox.fromCentre(x, y, w, h), name, index);
        }
        if (unit.strip().equalsIgnoreCase("pixel")) {
            if (!(dimW > 0) || !(dimH > 0)) {
                return RawRegion.invalid(name, index, "has an area in pixels but no AppliedToDimensions to scale it");
            }
            return RawRegion.of(NormalizedBox.fromCentre(x / dimW, y / dimH, w / dimW, h / dimH), name, index);
        }
        return RawRegion.invalid(name, index, "has an area in the unknown unit '" + unit + "'");
    }
}
