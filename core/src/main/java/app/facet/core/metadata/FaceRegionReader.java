package app.facet.core.metadata;

import com.adobe.internal.xmp.XMPException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static app.facet.core.metadata.MetadataProblem.Reason.CONFLICTING_NAMES;
import static app.facet.core.metadata.MetadataProblem.Reason.DIMENSIONS_MISMATCH;
import static app.facet.core.metadata.MetadataProblem.Reason.MALFORMED_XMP;
import static app.facet.core.metadata.MetadataProblem.Reason.TOO_MANY_REGIONS;

/**
 * Reads the face regions other programs (digiKam, Lightroom, Picasa, Windows Photo Gallery, Mylio, ExifTool) wrote
 * for a photo, from its sidecars ({@code photo.jpg.xmp}, then {@code photo.xmp}) and its embedded XMP, in the MWG
 * Regions schema or, for a packet without MWG face regions, the Microsoft People Tagging schema.
 *
 * <p>Regions are written relative to the image as stored (MWG guidelines 2.0, section 5.9; digiKam's scanner and
 * ExifTool's rotate_regions.config treat them so); this reader maps them through the EXIF orientation into Facet's
 * space: original-image pixels after EXIF orientation. The same face found in several packets is kept once, from
 * the highest-priority packet. Bad metadata never throws: each problem is returned and logged, and reading carries on.
 * Stateless and thread-safe.
 */
public final class FaceRegionReader {
    private static final Logger log = LoggerFactory.getLogger(FaceRegionReader.class);

    /** Most regions read from one list; a family photo has dozens of faces, a list of thousands is broken or hostile. */
    public static final int MAX_REGIONS = 500;
    /** Regions from two packets overlapping at least this much (intersection over union) are the same face. */
    static final double SAME_FACE_IOU = 0.5;
    /** AppliedToDimensions whose aspect ratio differs from the stored image's by more than this is reported. */
    private static final double ASPECT_TOLERANCE = 0.02;

    /**
     * @param photo    the photo file (JPEG, PNG, WebP, TIFF … whatever metadata-extractor reads)
     * @param geometry the photo's size after EXIF orientation and its orientation, as Facet decoded it
     * @return the regions in Facet's space and every problem met; never null, never throws for bad metadata
     */
    public FaceRegionReading read(Path photo, PhotoGeometry geometry) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(geometry, "geometry");
        List<MetadataProblem> problems = new ArrayList<>();
        List<FaceRegion> regions = new ArrayList<>();
        for (XmpPacket packet : XmpPacketSources.read(photo, problems)) {
            for (FaceRegion region : regionsOf(packet, geometry, problems)) {
                addUnlessDuplicate(regions, region, problems);
            }
        }
        for (MetadataProblem p : problems) {
            log.warn("event=metadata_region_problem reason={} file=\"{}\" message=\"{}\"", p.reason(), p.file(), p.message());
        }
        return new FaceRegionReading(regions, problems);
    }

    private static List<FaceRegion> regionsOf(XmpPacket packet, PhotoGeometry geometry, List<MetadataProblem> problems) {
        List<FaceRegion> out = new ArrayList<>();
        try {
            MwgRegionParser.Result mwg = MwgRegionParser.parse(packet.meta(), MAX_REGIONS);
            checkCap(packet, mwg.listSize(), "mwg-rs:RegionList", problems);
            if (!mwg.regions().isEmpty()) {
                checkDimensions(packet, mwg, geometry, problems);
                addChecked(out, mwg.regions(), packet, RegionSchema.MWG, geometry, problems);
                return out;
            }
            MicrosoftRegionParser.Result ms = MicrosoftRegionParser.parse(packet.meta(), MAX_REGIONS);
            checkCap(packet, ms.listSize(), "MPRI:Regions", problems);
            addChecked(out, ms.regions(), packet, RegionSchema.MICROSOFT, geometry, problems);
        } catch (XMPException | RuntimeException e) {
            problems.add(new MetadataProblem(packet.file(), MALFORMED_XMP, "The face regions in the "
                    + packet.location().name().toLowerCase(Locale.ROOT) + " XMP have an unexpected structure ("
                    + XmpPacketSources.message(e) + "); the rest of this packet was not read."));
        }
        return out;
    }

    private static void addChecked(List<FaceRegion> out, List<RawRegion> raws, XmpPacket packet, RegionSchema schema,
                                   PhotoGeometry geometry, List<MetadataProblem> problems) {
        for (RawRegion raw : raws) {
            RegionProvenance provenance = new RegionProvenance(packet.file(), packet.location(), schema, raw.index());
            FaceRegion region = RegionChecks.check(raw, provenance, geometry, problems);
            if (region != null) {
                out.add(region);
            }
        }
    }

    private static void checkCap(XmpPacket packet, int listSize, String list, List<MetadataProblem> problems) {
        if (listSize > MAX_REGIONS) {
            problems.add(new MetadataProblem(packet.file(), TOO_MANY_REGIONS, String.format(
                    "The %s XMP holds %d entries in %s, more than the %d Facet reads; the first %d were read.",
                    packet.location().name().toLowerCase(Locale.ROOT), listSize, list, MAX_REGIONS, MAX_REGIONS)));
        }
    }

    /** Normalised areas survive resizing, so only a different aspect ratio (often a stale rotation) is worth a word. */
    private static void checkDimensions(XmpPacket packet, MwgRegionParser.Result mwg, PhotoGeometry g, List<MetadataProblem> problems) {
        double w = mwg.appliedToWidth(), h = mwg.appliedToHeight();
        if (!(w > 0) || !(h > 0)) {
            return;
        }
        double stored = (double) g.storedWidth() / g.storedHeight();
        if (Math.abs(w / h - stored) / stored <= ASPECT_TOLERANCE) {
            return;
        }
        boolean matchesOriented = g.swapsAxes() && Math.abs(h / w - stored) / stored <= ASPECT_TOLERANCE;
        problems.add(new MetadataProblem(packet.file(), DIMENSIONS_MISMATCH, String.format(
                "AppliedToDimensions is %.0f x %.0f but the photo is stored as %d x %d%s; the regions were read as "
                        + "fractions of the stored image, as the MWG guidelines say.",
                w, h, g.storedWidth(), g.storedHeight(),
                matchesOriented ? " (it matches the size after rotation: the writing tool may have measured the rotated image)" : "")));
    }

    private static void addUnlessDuplicate(List<FaceRegion> kept, FaceRegion candidate, List<MetadataProblem> problems) {
        for (FaceRegion k : kept) {
            if (k.box().iou(candidate.box()) >= SAME_FACE_IOU) {
                if (!sameName(k.name(), candidate.name())) {
                    problems.add(new MetadataProblem(candidate.provenance().file(), CONFLICTING_NAMES, String.format(
                            "The face named %s in %s is named %s in %s; the first was kept.",
                            quoted(k.name()), k.provenance().describe(), quoted(candidate.name()), candidate.provenance().describe())));
                }
                return;
            }
        }
        kept.add(candidate);
    }

    private static boolean sameName(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private static String quoted(String name) {
        return name == null ? "(no name)" : "'" + name + "'";
    }
}
