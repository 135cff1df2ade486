package app.facet.core.metadata;

import com.adobe.internal.xmp.XMPMeta;

import java.nio.file.Path;

/** One parsed XMP packet and where it came from. @param file the photo (embedded) or the sidecar */
record XmpPacket(XMPMeta meta, Path file, RegionLocation location) {
}
