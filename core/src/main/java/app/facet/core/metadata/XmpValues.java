package app.facet.core.metadata;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPPathFactory;

/** Small typed reads from an XMPMeta by composed path; absent properties read as null. */
final class XmpValues {
    private XmpValues() {
    }

    static String field(String structPath, String fieldNs, String fieldName) throws XMPException {
        return structPath + XMPPathFactory.composeStructFieldPath(fieldNs, fieldName);
    }

    static String item(String arrayPath, int index) throws XMPException {
        return XMPPathFactory.composeArrayItemPath(arrayPath, index);
    }

    static String string(XMPMeta meta, String schemaNs, String path) throws XMPException {
        return meta.getPropertyString(schemaNs, path);
    }

    /** @return the number, or NaN when absent or not a number (callers report it) */
    static double number(XMPMeta meta, String schemaNs, String path) throws XMPException {
        String s = meta.getPropertyString(schemaNs, path);
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
