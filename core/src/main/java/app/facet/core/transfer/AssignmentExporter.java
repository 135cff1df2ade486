package app.facet.core.transfer;

import app.facet.core.catalog.AssignmentStore;
import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.FaceDeletionStore;
import app.facet.core.catalog.PeopleTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads persons, every face's assignment (hand-drawn boxes marked {@code manual}), the photos the user decided have
 * no faces and the faces the user deleted ({@code face_deletions}) out of a catalog (one read transaction: a consistent snapshot).
 * Faces are identified by their photo (path and content hash) and their box, never by row id, so an export applies
 * to a fresh scan of the same photos. Faces of photo rows inside the managed folder (a corrupted catalog) are left
 * out and logged: such a row is not a photo.
 */
public final class AssignmentExporter {
    private static final Logger log = LoggerFactory.getLogger(AssignmentExporter.class);

    private final Catalog catalog;

    public AssignmentExporter(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @throws CatalogException when the catalog cannot be read */
    public AssignmentExport export() {
        String managed = catalog.location().managedDir() + File.separator;
        return PeopleTables.readSnapshot(catalog, "Cannot export the assignments of " + catalog.location().catalogFile(), t -> {
            List<ExportedPerson> persons = t.persons().list(true).stream().map(p -> new ExportedPerson(p.name(), p.hidden())).toList();
            Map<Long, List<String>> rejections = t.rejections().namesByFace();
            List<ExportedFace> faces = new ArrayList<>();
            int skipped = 0;
            for (AssignmentStore.ExportRow r : t.assignments().exportRows()) {
                if (r.photoPath().startsWith(managed)) {
                    skipped++;
                    continue;
                }
                faces.add(new ExportedFace(r.photoPath(), r.contentHash(), r.x(), r.y(), r.w(), r.h(), r.personName(),
                        r.personName() == null ? "none" : r.assignedBy(), r.notAFace(), r.cover(),
                        rejections.getOrDefault(r.faceId(), List.of()), r.manual(), r.metadataSource(), r.metadataName()));
            }
            List<ExportedPhoto> noFaces = t.assignments().noFacePhotos().stream().filter(p -> !p.path().startsWith(managed))
                    .map(p -> new ExportedPhoto(p.path(), p.contentHash())).toList();
            List<ExportedDeletion> deleted = t.onTx(FaceDeletionStore::exportRows).stream()
                    .filter(d -> !d.photoPath().startsWith(managed)).map(AssignmentExporter::exported).toList();
            if (skipped > 0) {
                log.warn("event=export_skipped_faces reason=photo_in_managed_dir count={}", skipped);
            }
            log.info("event=assignments_exported persons={} faces={} no_face_photos={} deleted_faces={}", persons.size(), faces.size(),
                    noFaces.size(), deleted.size());
            return new AssignmentExport(AssignmentExport.VERSION, Instant.now().toString(), persons, faces, noFaces, deleted);
        });
    }

    private static ExportedDeletion exported(FaceDeletionStore.ExportRow r) {
        var d = r.deletion();
        return new ExportedDeletion(r.photoPath(), r.contentHash(), d.box().x(), d.box().y(), d.box().w(), d.box().h(),
                d.photoWidth(), d.photoHeight(), d.personName(), d.metadataSource());
    }
}
