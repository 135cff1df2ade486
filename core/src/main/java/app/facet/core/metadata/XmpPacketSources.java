package app.facet.core.metadata;

import app.facet.core.rules.PersonNames;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.ParseOptions;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static app.facet.core.metadata.MetadataProblem.Reason.MALFORMED_XMP;
import static app.facet.core.metadata.MetadataProblem.Reason.UNREADABLE;

/**
 * Finds a photo's XMP packets, highest priority first: the sidecar {@code photo.jpg.xmp}, the sidecar
 * {@code photo.xmp}, then the XMP embedded in the photo (read with metadata-extractor). Sidecars come first because
 * organisers that keep originals untouched (digiKam, Lightroom, darktable) write their changes there.
 */
final class XmpPacketSources {
    /** Sidecars above this size are refused unread: face metadata is a few KB, a huge file is an accident or an attack. */
    static final long MAX_SIDECAR_BYTES = 16L << 20;

    private XmpPacketSources() {
    }

    /** @return the sidecar Facet writes for {@code photo}: the full file name plus {@code .xmp} */
    static Path primarySidecar(Path photo) {
        return photo.resolveSibling(photo.getFileName() + ".xmp");
    }

    /** @return sidecar names looked for, in priority order (upper-case extensions too, as cameras and Windows write them) */
    static List<Path> sidecarCandidates(Path photo) {
        String name = photo.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        List<Path> out = new ArrayList<>();
        for (String candidate : List.of(name + ".xmp", name + ".XMP", base + ".xmp", base + ".XMP")) {
            Path p = photo.resolveSibling(candidate);
            if (!p.getFileName().toString().equals(name) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    static List<XmpPacket> read(Path photo, List<MetadataProblem> problems) {
        List<XmpPacket> packets = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        for (Path sidecar : sidecarCandidates(photo)) {
            if (Files.isRegularFile(sidecar) && !alreadySeen(sidecar, seen, problems)) {
                seen.add(sidecar);
                XMPMeta meta = readSidecar(sidecar, problems);
                if (meta != null) {
                    packets.add(new XmpPacket(meta, sidecar, RegionLocation.SIDECAR));
                }
            }
        }
        packets.addAll(embedded(photo, problems));
        return packets;
    }

    /** @return the parsed sidecar, or null with a problem recorded */
    static XMPMeta readSidecar(Path sidecar, List<MetadataProblem> problems) {
        try {
            long size = Files.size(sidecar);
            if (size > MAX_SIDECAR_BYTES) {
                problems.add(new MetadataProblem(sidecar, UNREADABLE, String.format(
                        "The sidecar is %d MB, more than the %d MB a metadata file can sensibly hold; not read.", size >> 20, MAX_SIDECAR_BYTES >> 20)));
                return null;
            }
            return parse(Files.readAllBytes(sidecar));
        } catch (XMPException e) {
            problems.add(new MetadataProblem(sidecar, MALFORMED_XMP, "The sidecar is not valid XMP (" + message(e) + "); not read."));
        } catch (IOException e) {
            problems.add(new MetadataProblem(sidecar, UNREADABLE, "The sidecar cannot be read (" + message(e) + ")."));
        }
        return null;
    }

    /** Parses XMP with DOCTYPEs refused, so entity expansion ("billion laughs") and external entities cannot happen. */
    static XMPMeta parse(byte[] xmp) throws XMPException {
        XmpNamespaces.ensureRegistered();
        return XMPMetaFactory.parseFromBuffer(xmp, new ParseOptions().setDisallowDoctype(true).setRequireXMPMeta(false));
    }

    private static List<XmpPacket> embedded(Path photo, List<MetadataProblem> problems) {
        List<XmpPacket> out = new ArrayList<>();
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(photo.toFile());
            for (XmpDirectory dir : metadata.getDirectoriesOfType(XmpDirectory.class)) {
                for (String error : dir.getErrors()) {
                    problems.add(new MetadataProblem(photo, MALFORMED_XMP,
                            "The XMP embedded in the photo is not valid (" + PersonNames.printable(error) + "); its regions were not read."));
                }
                if (!dir.hasErrors() && dir.getXMPMeta() != null) {
                    out.add(new XmpPacket(dir.getXMPMeta(), photo, RegionLocation.EMBEDDED));
                }
            }
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // metadata-extractor throws unchecked exceptions on some corrupt files: still only bad input
            problems.add(new MetadataProblem(photo, UNREADABLE, "The photo's embedded metadata cannot be read (" + message(e) + ")."));
        }
        return out;
    }

    private static boolean alreadySeen(Path sidecar, List<Path> seen, List<MetadataProblem> problems) {
        for (Path p : seen) {
            try {
                if (Files.isSameFile(p, sidecar)) {
                    return true; // a case-insensitive file system shows photo.jpg.xmp and photo.jpg.XMP as one file
                }
            } catch (IOException e) {
                problems.add(new MetadataProblem(sidecar, UNREADABLE, "The sidecar cannot be compared with " + p.getFileName() + " (" + message(e) + ")."));
                return true;
            }
        }
        return false;
    }

    static String message(Exception e) {
        String m = e.getMessage();
        return PersonNames.printable(m == null ? e.getClass().getSimpleName() : m);
    }
}
