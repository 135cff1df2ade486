package app.facet.core.metadata;

import app.facet.core.rules.PersonNames;
import app.facet.model.BoundingBox;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.options.PropertyOptions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static app.facet.core.metadata.XmpNamespaces.DIGIKAM;
import static app.facet.core.metadata.XmpNamespaces.IPTC_EXT;
import static app.facet.core.metadata.XmpNamespaces.MP;
import static app.facet.core.metadata.XmpNamespaces.MPREG;
import static app.facet.core.metadata.XmpNamespaces.MWG_RS;
import static app.facet.core.metadata.XmpNamespaces.ST_AREA;
import static app.facet.core.metadata.XmpNamespaces.ST_DIM;
import static app.facet.core.metadata.XmpValues.field;
import static app.facet.core.metadata.XmpValues.item;
import static app.facet.core.metadata.XmpValues.string;

/**
 * Makes the face metadata of one XMP packet say what Facet knows, touching nothing else:
 * <ul>
 *   <li>named face regions (MWG and Microsoft) are replaced by Facet's named faces; unnamed face regions and
 *       regions of other types (Pet, Focus, BarCode, ignored WLPG faces) are kept, unless a written face covers
 *       them (IoU &ge; {@value #SAME_FACE_IOU});</li>
 *   <li>{@code mwg-rs:AppliedToDimensions} is set to the stored pixel size (as ExifTool's convert_regions does);</li>
 *   <li>{@code Iptc4xmpExt:PersonInImage} and {@code digiKam:TagsList} ({@code People/NAME}): names of the replaced
 *       regions that are no longer written are removed, written names added; every other entry stays.</li>
 * </ul>
 */
final class SidecarFaceUpdate {
    static final double SAME_FACE_IOU = 0.5;
    private static final String PEOPLE = "People/";

    private final XMPMeta meta;
    private final PhotoGeometry geometry;
    private final List<PlannedRegion> faces;
    private final Set<String> replacedNames = new LinkedHashSet<>();
    private final Set<String> replacedRegions = new LinkedHashSet<>();

    private SidecarFaceUpdate(XMPMeta meta, PhotoGeometry geometry, List<PlannedRegion> faces) {
        this.meta = meta;
        this.geometry = geometry;
        this.faces = faces;
    }

    /** Updates {@code meta} in place. @return one sentence per change of face regions and names */
    static List<String> apply(XMPMeta meta, PhotoGeometry geometry, List<PlannedRegion> faces) throws XMPException {
        XmpNamespaces.ensureRegistered();
        SidecarFaceUpdate u = new SidecarFaceUpdate(meta, geometry, faces);
        u.removeMwgFaces();
        u.removeMicrosoftFaces();
        u.appendRegions();
        List<String> changes = new ArrayList<>(u.regionChanges());
        Set<String> names = new LinkedHashSet<>();
        faces.forEach(f -> names.add(f.name()));
        changes.addAll(u.updateNameList(IPTC_EXT, "PersonInImage", "", names, new PropertyOptions().setArray(true)));
        changes.addAll(u.updateNameList(DIGIKAM, "TagsList", PEOPLE, names, new PropertyOptions().setArray(true).setArrayOrdered(true)));
        return changes;
    }

    private void removeMwgFaces() throws XMPException {
        String list = MwgRegionParser.regionListPath();
        if (!meta.doesPropertyExist(MWG_RS, list)) {
            return;
        }
        for (int i = meta.countArrayItems(MWG_RS, list); i >= 1; i--) {
            String region = item(list, i);
            String type = string(meta, MWG_RS, field(region, MWG_RS, "Type"));
            if (type != null && !type.strip().equalsIgnoreCase("Face")) {
                continue;
            }
            RawRegion raw = MwgRegionParser.area(meta, field(region, MWG_RS, "Area"),
                    string(meta, MWG_RS, field(region, MWG_RS, "Name")), i, Double.NaN, Double.NaN);
            if (replaces(raw)) {
                meta.deleteArrayItem(MWG_RS, list, i);
            }
        }
    }

    private void removeMicrosoftFaces() throws XMPException {
        String list = MicrosoftRegionParser.regionsPath();
        if (!meta.doesPropertyExist(MP, list)) {
            return;
        }
        for (int i = meta.countArrayItems(MP, list); i >= 1; i--) {
            String region = item(list, i);
            String name = string(meta, MP, field(region, MPREG, "PersonDisplayName"));
            if (MicrosoftRegionParser.WLPG_IGNORED.equalsIgnoreCase(name == null ? "" : name.strip())) {
                continue;
            }
            RawRegion raw = MicrosoftRegionParser.rectangle(string(meta, MP, field(region, MPREG, "Rectangle")), name, i);
            if (replaces(raw)) {
                meta.deleteArrayItem(MP, list, i);
            }
        }
    }

    /** A named region is Facet's to rewrite; an unnamed one only when a written face covers it. */
    private boolean replaces(RawRegion raw) {
        String name = PersonNames.check(raw.rawName()).value();
        boolean covered = raw.area() != null && faces.stream().anyMatch(f -> f.iou(raw.area()) >= SAME_FACE_IOU);
        if (name != null) {
            replacedNames.add(name);
            NormalizedBox a = raw.area();
            replacedRegions.add(a != null && a.finite() && a.w() > 0 && a.h() > 0
                    ? describe(name, a) : "'" + name + "' (without a usable area)");
            return true;
        }
        return covered;
    }

    private void appendRegions() throws XMPException {
        String mwgList = MwgRegionParser.regionListPath();
        String msList = MicrosoftRegionParser.regionsPath();
        if (!faces.isEmpty()) {
            String dims = MwgRegionParser.dimensionsPath();
            meta.setProperty(MWG_RS, field(dims, ST_DIM, "w"), Integer.toString(geometry.storedWidth()));
            meta.setProperty(MWG_RS, field(dims, ST_DIM, "h"), Integer.toString(geometry.storedHeight()));
            meta.setProperty(MWG_RS, field(dims, ST_DIM, "unit"), "pixel");
        }
        for (PlannedRegion face : faces) {
            NormalizedBox a = face.area();
            meta.appendArrayItem(MWG_RS, mwgList, new PropertyOptions().setArray(true), null, new PropertyOptions().setStruct(true));
            String region = item(mwgList, meta.countArrayItems(MWG_RS, mwgList));
            String area = field(region, MWG_RS, "Area");
            meta.setProperty(MWG_RS, field(area, ST_AREA, "x"), number(a.centreX()));
            meta.setProperty(MWG_RS, field(area, ST_AREA, "y"), number(a.centreY()));
            meta.setProperty(MWG_RS, field(area, ST_AREA, "w"), number(a.w()));
            meta.setProperty(MWG_RS, field(area, ST_AREA, "h"), number(a.h()));
            meta.setProperty(MWG_RS, field(area, ST_AREA, "unit"), "normalized");
            meta.setProperty(MWG_RS, field(region, MWG_RS, "Name"), face.name());
            meta.setProperty(MWG_RS, field(region, MWG_RS, "Type"), "Face");

            meta.appendArrayItem(MP, msList, new PropertyOptions().setArray(true), null, new PropertyOptions().setStruct(true));
            String ms = item(msList, meta.countArrayItems(MP, msList));
            meta.setProperty(MP, field(ms, MPREG, "PersonDisplayName"), face.name());
            meta.setProperty(MP, field(ms, MPREG, "Rectangle"),
                    number(a.x()) + ", " + number(a.y()) + ", " + number(a.w()) + ", " + number(a.h()));
        }
        deleteIfEmpty(MWG_RS, mwgList, MwgRegionParser.REGIONS);
        deleteIfEmpty(MP, msList, MicrosoftRegionParser.REGION_INFO);
    }

    /** A region list left empty is removed with its container, so a sidecar carries no empty shells. */
    private void deleteIfEmpty(String ns, String list, String container) throws XMPException {
        if (meta.doesPropertyExist(ns, container) && meta.countArrayItems(ns, list) == 0) {
            meta.deleteProperty(ns, container);
        }
    }

    private List<String> regionChanges() {
        Set<String> written = new LinkedHashSet<>();
        faces.forEach(f -> written.add(describe(f.name(), f.area())));
        List<String> out = new ArrayList<>();
        replacedRegions.stream().filter(r -> !written.contains(r)).forEach(r -> out.add("remove face region " + r));
        written.stream().filter(r -> !replacedRegions.contains(r)).forEach(r -> out.add("add face region " + r));
        return out;
    }

    private List<String> updateNameList(String ns, String prop, String prefix, Set<String> names, PropertyOptions arrayOptions) throws XMPException {
        List<String> out = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        int count = meta.doesPropertyExist(ns, prop) ? meta.countArrayItems(ns, prop) : 0;
        for (int i = count; i >= 1; i--) {
            String value = meta.getArrayItem(ns, prop, i).getValue();
            String name = value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : null;
            if (name != null && replacedNames.contains(name) && !names.contains(name)) {
                meta.deleteArrayItem(ns, prop, i);
                out.add("remove " + prop + " '" + value + "'");
            } else if (value != null) {
                present.add(value);
            }
        }
        for (String name : names) {
            if (!present.contains(prefix + name)) {
                meta.appendArrayItem(ns, prop, arrayOptions, prefix + name, null);
                out.add("add " + prop + " '" + prefix + name + "'");
            }
        }
        return out;
    }

    private String describe(String name, NormalizedBox area) {
        BoundingBox b = geometry.toOriented(area);
        return String.format("'%s' at x=%.0f y=%.0f w=%.0f h=%.0f px", name, b.x(), b.y(), b.w(), b.h());
    }

    /** Six decimals (a thousandth of a pixel on a 1000-px image), no exponent, no trailing zeros: stable on rewrite. */
    static String number(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
