package app.facet.core.metadata;

import app.facet.core.rules.PersonNames;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;

import java.util.ArrayList;
import java.util.List;

import static app.facet.core.metadata.XmpNamespaces.MP;
import static app.facet.core.metadata.XmpNamespaces.MPREG;
import static app.facet.core.metadata.XmpNamespaces.MPRI;
import static app.facet.core.metadata.XmpValues.field;
import static app.facet.core.metadata.XmpValues.item;
import static app.facet.core.metadata.XmpValues.string;

/**
 * Reads Microsoft People Tagging regions ({@code MP:RegionInfo/MPRI:Regions}) from one XMP packet:
 * {@code MPReg:Rectangle} is "x, y, w, h", top-left-based fractions of the stored image. Faces Windows Live Photo
 * Gallery was told to ignore (name {@code ffffffffffffffff}) are skipped, as ExifTool's convert_regions does.
 */
final class MicrosoftRegionParser {
    static final String REGION_INFO = "RegionInfo";
    /** Windows Live Photo Gallery writes this as the name of a face the user chose to ignore. */
    static final String WLPG_IGNORED = "ffffffffffffffff";

    record Result(List<RawRegion> regions, int listSize) {
    }

    private MicrosoftRegionParser() {
    }

    static String regionsPath() throws XMPException {
        XmpNamespaces.ensureRegistered();
        return field(REGION_INFO, MPRI, "Regions");
    }

    static Result parse(XMPMeta meta, int cap) throws XMPException {
        String list = regionsPath();
        int count = meta.doesPropertyExist(MP, list) ? meta.countArrayItems(MP, list) : 0;
        List<RawRegion> out = new ArrayList<>();
        for (int i = 1; i <= Math.min(count, cap); i++) {
            String region = item(list, i);
            String name = string(meta, MP, field(region, MPREG, "PersonDisplayName"));
            if (MicrosoftRegionParser.WLPG_IGNORED.equalsIgnoreCase(name == null ? "" : name.strip())) {
                continue;
            }
            String rect = string(meta, MP, field(region, MPREG, "Rectangle"));
            out.add(rectangle(rect, name, i));
        }
        return new Result(out, count);
    }

    static RawRegion rectangle(String rect, String name, int index) {
        if (rect == null || rect.isBlank()) {
            return RawRegion.invalid(name, index, "has no MPReg:Rectangle");
        }
        String[] parts = rect.split(",");
        if (parts.length != 4) {
            return RawRegion.invalid(name, index, "has a rectangle '" + shorten(rect) + "' that is not four numbers");
        }
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            try {
                v[k] = Double.parseDouble(parts[k].strip());
            } catch (NumberFormatException e) {
                return RawRegion.invalid(name, index, "has a rectangle '" + shorten(rect) + "' that is not four numbers");
            }
        }
        return RawRegion.of(new NormalizedBox(v[0], v[1], v[2], v[3]), name, index);
    }

    private static String shorten(String s) {
        return PersonNames.printable(s.length() <= 60 ? s : s.substring(0, 60) + "…");
    }
}
