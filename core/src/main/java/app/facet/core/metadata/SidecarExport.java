package app.facet.core.metadata;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.MetadataFaceStore;
import app.facet.core.catalog.PhotoNamedFaces;
import app.facet.core.catalog.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.facet.model.BoundingBox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the names the user gave faces in Facet into each photo's sidecar {@code photo.jpg.xmp}
 * ({@link FaceRegionSidecarWriter}: MWG and Microsoft regions, PersonInImage, digiKam TagsList), for
 * {@code facet metadata write} and the desktop's "Write Names to Sidecars" and "Keep sidecars in sync". Only faces the
 * user put on a person ({@code assigned_by = user}: named, confirmed, or read from metadata) are written, never
 * automatic guesses. Originals are never opened for writing. A photo that fails is reported and the rest go on.
 */
public final class SidecarExport {
    private static final Logger log = LoggerFactory.getLogger(SidecarExport.class);

    private final Catalog catalog;
    private final FaceRegionSidecarWriter writer = new FaceRegionSidecarWriter();

    public SidecarExport(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * One photo's outcome.
     *
     * @param photo  the photo's path
     * @param result what the writer did, null when it failed
     * @param error  why the photo was not written (missing photo, I/O error), or null
     */
    public record PhotoWrite(Path photo, int faces, SidecarWriteResult result, String error) {
    }

    /**
     * Counts of one export.
     *
     * @param photos   photos considered (with named faces, or with names to take out of their sidecar)
     * @param opened   of those, sidecars read (and written when their content changed); a sync skips the photos whose
     *                 named faces are those Facet last wrote, without opening their sidecar
     */
    public record Summary(int photos, int created, int updated, int unchanged, int refused, int failed, int opened) {
    }

    /**
     * @param person   only photos with a face of this person (case-insensitive name); null for all
     * @param photoIds only these photos; null for all
     * @param each     receives each photo's outcome as it is done
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be read
     */
    public Summary write(String person, Collection<Long> photoIds, SidecarWriteMode mode, Consumer<PhotoWrite> each) {
        return write(person, photoIds, mode, false, each);
    }

    /**
     * "Keep Sidecars in Sync": writes only the photos whose named faces changed since Facet last wrote their sidecar
     * (a name given, changed, taken off, a face deleted, a person renamed, hidden or deleted); the others' sidecars are
     * not even read. A sidecar changed by another program since is read by the next scan, not overwritten here.
     *
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be read
     */
    public Summary sync(Consumer<PhotoWrite> each) {
        return write(null, null, SidecarWriteMode.WRITE, true, each);
    }

    private Summary write(String person, Collection<Long> photoIds, SidecarWriteMode mode, boolean changedOnly,
                          Consumer<PhotoWrite> each) {
        List<PhotoNamedFaces> photos = Tx.read(catalog, "list the named faces to write to sidecars",
                tx -> MetadataFaceStore.namedFaces(tx, person, photoIds));
        int created = 0, updated = 0, unchanged = 0, refused = 0, failed = 0, opened = 0;
        List<Written> record = new ArrayList<>();
        for (PhotoNamedFaces p : photos) {
            if (changedOnly && fingerprint(p).equals(p.written())) {
                unchanged++;
                continue;
            }
            opened++;
            PhotoWrite w = writeOne(p, mode, record);
            each.accept(w);
            if (w.result() == null) {
                failed++;
                continue;
            }
            switch (w.result().status()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REFUSED -> refused++;
            }
        }
        recordAll(record);
        return new Summary(photos.size(), created, updated, unchanged, refused, failed, opened);
    }

    /** What Facet wrote into one sidecar (or found there already), to record in the catalog. */
    private record Written(long photoId, String fingerprint, String stamp) {
    }

    /**
     * Records the writes in one transaction after the files: a crash between the two only makes the next sync open
     * those sidecars again (unchanged then) and the next scan read Facet's own regions (the same names).
     */
    private void recordAll(List<Written> record) {
        if (record.isEmpty()) {
            return;
        }
        Tx.write(catalog, "record the sidecars written", tx -> {
            record.forEach(w -> MetadataFaceStore.recordSidecarWrite(tx, w.photoId(), w.fingerprint(), w.stamp()));
            return null;
        });
    }

    /**
     * @return SHA-256 (hex) of the photo's size and named faces (name and box, sorted): what a sidecar written now
     *         would say, compared with what Facet wrote last ({@code photos.sidecar_names})
     */
    static String fingerprint(PhotoNamedFaces p) {
        List<String> faces = new ArrayList<>();
        for (PhotoNamedFaces.Face f : p.faces()) {
            BoundingBox b = f.box();
            faces.add(String.format(Locale.ROOT, "%s|%.1f|%.1f|%.1f|%.1f", f.personName(), b.x(), b.y(), b.w(), b.h()));
        }
        Collections.sort(faces);
        String text = p.width() + "x" + p.height() + "/" + p.orientation() + "\n" + String.join("\n", faces);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private PhotoWrite writeOne(PhotoNamedFaces p, SidecarWriteMode mode, List<Written> record) {
        Path photo = Path.of(p.path());
        if (!Files.isRegularFile(photo)) {
            return new PhotoWrite(photo, p.faces().size(), null, "The photo is not there any more; its sidecar was not written.");
        }
        List<NamedFace> faces = p.faces().stream().map(f -> new NamedFace(f.box(), f.personName())).toList();
        try {
            SidecarWriteResult r = writer.write(photo, PhotoGeometry.of(p.width(), p.height(), p.orientation()), faces, mode);
            String written = fingerprint(p);
            if (mode == SidecarWriteMode.WRITE && r.status() != SidecarWriteResult.Status.REFUSED
                    && (r.written() || !written.equals(p.written()))) {
                // Facet's own write holds nothing new to read: the next scan need not analyse the photo again
                record.add(new Written(p.photoId(), written, r.written() ? SidecarStamp.of(photo) : null));
            }
            return new PhotoWrite(photo, faces.size(), r, null);
        } catch (IOException | RuntimeException e) {
            log.warn("event=sidecar_write_failed photo=\"{}\" error=\"{}\"", photo, e.getMessage());
            return new PhotoWrite(photo, faces.size(), null, "The sidecar could not be written: " + e.getMessage());
        }
    }
}
