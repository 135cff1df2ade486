package app.facet.core.metadata;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.XMPSchemaRegistry;

/**
 * The XMP namespaces of face regions and person names. XMPCore knows some of them already; the others are
 * registered once, with the prefixes digiKam and ExifTool write, so that paths can be composed with them.
 */
final class XmpNamespaces {
    static final String MWG_RS = "http://www.metadataworkinggroup.com/schemas/regions/";
    static final String ST_AREA = "http://ns.adobe.com/xmp/sType/Area#";
    static final String ST_DIM = "http://ns.adobe.com/xap/1.0/sType/Dimensions#";
    static final String MP = "http://ns.microsoft.com/photo/1.2/";
    static final String MPRI = "http://ns.microsoft.com/photo/1.2/t/RegionInfo#";
    static final String MPREG = "http://ns.microsoft.com/photo/1.2/t/Region#";
    static final String IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    static final String DIGIKAM = "http://www.digikam.org/ns/1.0/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private XmpNamespaces() {
    }

    static {
        XMPSchemaRegistry registry = XMPMetaFactory.getSchemaRegistry();
        try {
            registerIfAbsent(registry, MWG_RS, "mwg-rs");
            registerIfAbsent(registry, ST_AREA, "stArea");
            registerIfAbsent(registry, ST_DIM, "stDim");
            registerIfAbsent(registry, MP, "MP");
            registerIfAbsent(registry, MPRI, "MPRI");
            registerIfAbsent(registry, MPREG, "MPReg");
            registerIfAbsent(registry, IPTC_EXT, "Iptc4xmpExt");
            registerIfAbsent(registry, DIGIKAM, "digiKam");
        } catch (XMPException e) {
            throw new IllegalStateException("Cannot register the XMP namespaces of face regions", e);
        }
    }

    /** Forces the static registration; every class composing XMP paths calls it first. */
    static void ensureRegistered() {
        // the static initialiser did the work
    }

    private static void registerIfAbsent(XMPSchemaRegistry registry, String uri, String prefix) throws XMPException {
        if (registry.getNamespacePrefix(uri) == null) {
            registry.registerNamespace(uri, prefix);
        }
    }
}
