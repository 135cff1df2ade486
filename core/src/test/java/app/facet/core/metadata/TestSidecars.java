package app.facet.core.metadata;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.PropertyOptions;
import com.adobe.internal.xmp.options.SerializeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static app.facet.core.metadata.XmpNamespaces.MP;
import static app.facet.core.metadata.XmpNamespaces.MPREG;
import static app.facet.core.metadata.XmpNamespaces.MWG_RS;
import static app.facet.core.metadata.XmpNamespaces.ST_AREA;
import static app.facet.core.metadata.XmpNamespaces.ST_DIM;

/** Builds sidecars with odd content (values ExifTool would not write) through XMPCore, for the bad-input tests. */
final class TestSidecars {
    private final XMPMeta meta = XMPMetaFactory.create();

    TestSidecars() {
        XmpNamespaces.ensureRegistered();
    }

    /** Adds an MWG region; null arguments leave the field out. Values are strings so that garbage can be written. */
    TestSidecars mwg(String x, String y, String w, String h, String unit, String name, String type) throws XMPException {
        String list = MwgRegionParser.regionListPath();
        meta.appendArrayItem(MWG_RS, list, new PropertyOptions().setArray(true), null, new PropertyOptions().setStruct(true));
        String region = XmpValues.item(list, meta.countArrayItems(MWG_RS, list));
        String area = XmpValues.field(region, MWG_RS, "Area");
        set(MWG_RS, XmpValues.field(area, ST_AREA, "x"), x);
        set(MWG_RS, XmpValues.field(area, ST_AREA, "y"), y);
        set(MWG_RS, XmpValues.field(area, ST_AREA, "w"), w);
        set(MWG_RS, XmpValues.field(area, ST_AREA, "h"), h);
        set(MWG_RS, XmpValues.field(area, ST_AREA, "unit"), unit);
        set(MWG_RS, XmpValues.field(region, MWG_RS, "Name"), name);
        set(MWG_RS, XmpValues.field(region, MWG_RS, "Type"), type);
        return this;
    }

    TestSidecars face(double cx, double cy, double w, double h, String name) throws XMPException {
        return mwg(Double.toString(cx), Double.toString(cy), Double.toString(w), Double.toString(h), "normalized", name, "Face");
    }

    TestSidecars dimensions(int w, int h) throws XMPException {
        String dims = MwgRegionParser.dimensionsPath();
        set(MWG_RS, XmpValues.field(dims, ST_DIM, "w"), Integer.toString(w));
        set(MWG_RS, XmpValues.field(dims, ST_DIM, "h"), Integer.toString(h));
        set(MWG_RS, XmpValues.field(dims, ST_DIM, "unit"), "pixel");
        return this;
    }

    TestSidecars microsoft(String rectangle, String name) throws XMPException {
        String list = MicrosoftRegionParser.regionsPath();
        meta.appendArrayItem(MP, list, new PropertyOptions().setArray(true), null, new PropertyOptions().setStruct(true));
        String region = XmpValues.item(list, meta.countArrayItems(MP, list));
        set(MP, XmpValues.field(region, MPREG, "PersonDisplayName"), name);
        set(MP, XmpValues.field(region, MPREG, "Rectangle"), rectangle);
        return this;
    }

    /** Sets any simple property, e.g. a field that should be an array, to build structures tools get wrong. */
    TestSidecars simple(String ns, String path, String value) throws XMPException {
        meta.setProperty(ns, path, value);
        return this;
    }

    Path writeTo(Path file) throws XMPException, IOException {
        Files.write(file, XMPMetaFactory.serializeToBuffer(meta, new SerializeOptions().setOmitPacketWrapper(true)));
        return file;
    }

    private void set(String ns, String path, String value) throws XMPException {
        if (value != null) {
            meta.setProperty(ns, path, value);
        }
    }
}
