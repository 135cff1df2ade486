package app.facet.core.metadata;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.MetadataFaceStore;
import app.facet.core.catalog.PhotoNamedFaces;
import app.facet.core.catalog.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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

    /** Counts of one export. */
    public record Summary(int photos, int created, int updated, int unchanged, int refused, int failed) {
    }

    /**
     * @param person   only photos with a face of this person (case-insensitive name); null for all
     * @param photoIds only these photos; null for all
     * @param each     receives each photo's outcome as it is done
     * @throws app.facet.core.catalog.CatalogException when the catalog cannot be read
     */
    public Summary write(String person, Collection<Long> photoIds, SidecarWriteMode mode, Consumer<PhotoWrite> each) {
        List<PhotoNamedFaces> photos = Tx.read(catalog, "list the named faces to write to sidecars",
                tx -> MetadataFaceStore.namedFaces(tx, person, photoIds));
        int created = 0, updated = 0, unchanged = 0, refused = 0, failed = 0;
        for (PhotoNamedFaces p : photos) {
            PhotoWrite w = writeOne(p, mode);
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
        return new Summary(photos.size(), created, updated, unchanged, refused, failed);
    }

    private PhotoWrite writeOne(PhotoNamedFaces p, SidecarWriteMode mode) {
        Path photo = Path.of(p.path());
        if (!Files.isRegularFile(photo)) {
            return new PhotoWrite(photo, p.faces().size(), null, "The photo is not there any more; its sidecar was not written.");
        }
        List<NamedFace> faces = p.faces().stream().map(f -> new NamedFace(f.box(), f.personName())).toList();
        try {
            SidecarWriteResult r = writer.write(photo, PhotoGeometry.of(p.width(), p.height(), p.orientation()), faces, mode);
            if (r.written()) {
                // Facet's own write holds nothing new to read: the next scan need not analyse the photo again
                String stamp = SidecarStamp.of(photo);
                Tx.write(catalog, "record the sidecar written for " + photo, tx -> {
                    MetadataFaceStore.recordOwnSidecarWrite(tx, p.photoId(), stamp);
                    return null;
                });
            }
            return new PhotoWrite(photo, faces.size(), r, null);
        } catch (IOException | RuntimeException e) {
            log.warn("event=sidecar_write_failed photo=\"{}\" error=\"{}\"", photo, e.getMessage());
            return new PhotoWrite(photo, faces.size(), null, "The sidecar could not be written: " + e.getMessage());
        }
    }
}
