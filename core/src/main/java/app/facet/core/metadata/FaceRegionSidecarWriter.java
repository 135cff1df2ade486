package app.facet.core.metadata;

import app.facet.core.rules.PersonNames;
import app.facet.model.BoundingBox;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.SerializeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes the faces Facet has named into the photo's sidecar {@code photo.jpg.xmp}, so the names outlive the catalog
 * and other programs find them: MWG regions (with AppliedToDimensions), Microsoft People Tagging regions,
 * {@code Iptc4xmpExt:PersonInImage} and digiKam's {@code TagsList} ({@code People/NAME}). Boxes are converted from
 * Facet's space (oriented pixels) to fractions of the stored image, the space the MWG guidelines define.
 *
 * <p>The photo itself is never opened for writing. An existing sidecar is updated in place: every property other
 * than the face metadata is kept (see {@link SidecarFaceUpdate} for the exact rule); a sidecar that cannot be read
 * is left untouched (REFUSED). The file is replaced atomically (temporary file + rename in the same folder) and
 * only when its content changes. Stateless; two writers must not write the same photo at once.
 */
public final class FaceRegionSidecarWriter {
    private static final Logger log = LoggerFactory.getLogger(FaceRegionSidecarWriter.class);

    /**
     * @param photo    the photo file (read only for its name: nothing of it is opened)
     * @param geometry the photo's size after EXIF orientation and its orientation
     * @param faces    the photo's faces with their names; faces without a usable name are skipped and listed
     * @param mode     WRITE, or DRY_RUN to report the changes without touching any file
     * @return what changed (or would change), and the faces skipped
     * @throws IOException when the sidecar or its temporary file cannot be written (nothing is half-written)
     */
    public SidecarWriteResult write(Path photo, PhotoGeometry geometry, List<NamedFace> faces, SidecarWriteMode mode) throws IOException {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(mode, "mode");
        if (photo.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xmp")) {
            throw new IllegalArgumentException("Not a photo but an XMP file: " + photo);
        }
        Path sidecar = XmpPacketSources.primarySidecar(photo);
        List<String> skipped = new ArrayList<>();
        List<PlannedRegion> planned = plan(faces, geometry, skipped);
        boolean exists = Files.exists(sidecar);
        XMPMeta meta;
        if (exists) {
            List<MetadataProblem> problems = new ArrayList<>();
            meta = Files.isRegularFile(sidecar) ? XmpPacketSources.readSidecar(sidecar, problems) : null;
            if (meta == null) {
                String why = problems.isEmpty() ? "The sidecar path is not a regular file." : problems.get(0).message();
                log.warn("event=sidecar_write_refused sidecar=\"{}\" reason=\"{}\"", sidecar, why);
                return new SidecarWriteResult(sidecar, SidecarWriteResult.Status.REFUSED, false,
                        List.of(why + " It was left untouched so nothing in it is lost."), skipped);
            }
        } else if (planned.isEmpty()) {
            return new SidecarWriteResult(sidecar, SidecarWriteResult.Status.UNCHANGED, false, List.of(), skipped);
        } else {
            meta = XMPMetaFactory.create();
        }
        return update(sidecar, exists, meta, geometry, planned, mode, skipped);
    }

    private SidecarWriteResult update(Path sidecar, boolean exists, XMPMeta meta, PhotoGeometry geometry,
                                      List<PlannedRegion> planned, SidecarWriteMode mode, List<String> skipped) throws IOException {
        try {
            byte[] before = serialize(meta);
            XMPMeta updated = (XMPMeta) meta.clone();
            List<String> changes;
            try {
                changes = SidecarFaceUpdate.apply(updated, geometry, planned);
            } catch (XMPException e) {
                // e.g. PersonInImage written as plain text instead of a bag: not ours to restructure
                String why = "The sidecar's face metadata has an unexpected structure (" + XmpPacketSources.message(e) + ").";
                log.warn("event=sidecar_write_refused sidecar=\"{}\" reason=\"{}\"", sidecar, why);
                return new SidecarWriteResult(sidecar, SidecarWriteResult.Status.REFUSED, false,
                        List.of(why + " It was left untouched so nothing in it is lost."), skipped);
            }
            byte[] after = serialize(updated);
            if (exists && Arrays.equals(before, after)) {
                return new SidecarWriteResult(sidecar, SidecarWriteResult.Status.UNCHANGED, false, List.of(), skipped);
            }
            SidecarWriteResult.Status status = exists ? SidecarWriteResult.Status.UPDATED : SidecarWriteResult.Status.CREATED;
            boolean write = mode == SidecarWriteMode.WRITE;
            if (write) {
                AtomicFileWrite.write(sidecar, after);
                log.info("event=sidecar_written sidecar=\"{}\" status={} faces={} changes={}", sidecar, status, planned.size(), changes.size());
            }
            return new SidecarWriteResult(sidecar, status, write, changes, skipped);
        } catch (XMPException e) {
            // serialising failed: a packet XMPCore can read but not write back
            throw new IOException("Cannot build the XMP for " + sidecar.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static List<PlannedRegion> plan(List<NamedFace> faces, PhotoGeometry g, List<String> skipped) {
        List<PlannedRegion> out = new ArrayList<>();
        for (NamedFace face : faces) {
            BoundingBox b = face.box();
            String where = String.format("the face at x=%.0f y=%.0f w=%.0f h=%.0f px", b.x(), b.y(), b.w(), b.h());
            PersonNames.Checked name = PersonNames.check(face.name());
            if (name.refused()) {
                skipped.add(where + ": " + name.refusal() + "; not written.");
                continue;
            }
            if (name.value() == null) {
                skipped.add(where + " has no name; only named faces are written.");
                continue;
            }
            BoundingBox inside = b.clippedTo(g.orientedWidth(), g.orientedHeight());
            if (inside == null) {
                skipped.add(where + " ('" + name.value() + "') lies outside the " + g.orientedWidth() + " x "
                        + g.orientedHeight() + " image; not written.");
                continue;
            }
            out.add(new PlannedRegion(rounded(g.toStored(inside)), name.value()));
        }
        // a stable order keeps a rewrite of the same faces byte-identical, so "unchanged" is detected
        out.sort(Comparator.comparing(PlannedRegion::name).thenComparingDouble(p -> p.area().x()).thenComparingDouble(p -> p.area().y()));
        return out;
    }

    private static NormalizedBox rounded(NormalizedBox a) {
        return new NormalizedBox(round(a.x()), round(a.y()), round(a.w()), round(a.h()));
    }

    private static double round(double v) {
        return Double.parseDouble(SidecarFaceUpdate.number(v));
    }

    /** Sorted output: a parsed packet and one built in memory list fields in different orders, sorting makes them comparable. */
    private static byte[] serialize(XMPMeta meta) throws XMPException {
        return XMPMetaFactory.serializeToBuffer(meta, new SerializeOptions().setOmitPacketWrapper(true).setUseCompactFormat(false).setSort(true));
    }
}
