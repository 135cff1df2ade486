package app.facet.core.transfer;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads persons and every face's assignment out of a catalog (one read transaction: a consistent snapshot).
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
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            try {
                List<ExportedPerson> persons = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT name, hidden FROM persons ORDER BY name COLLATE NOCASE, id");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        persons.add(new ExportedPerson(rs.getString(1), rs.getInt(2) == 1));
                    }
                }
                Map<Long, List<String>> rejections = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT r.face_id, pe.name FROM face_person_rejections r"
                        + " JOIN persons pe ON pe.id = r.person_id ORDER BY r.face_id, pe.name COLLATE NOCASE");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rejections.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
                List<ExportedFace> faces = new ArrayList<>();
                int skipped = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT f.id, p.path, p.content_hash, f.x, f.y, f.w, f.h, pe.name,"
                        + " f.assigned_by, f.not_a_face, pe.cover_face_id IS f.id FROM face_crops f JOIN photos p ON p.id = f.photo_id"
                        + " LEFT JOIN persons pe ON pe.id = f.person_id ORDER BY p.path, f.id");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(2).startsWith(managed)) {
                            skipped++;
                            continue;
                        }
                        String person = rs.getString(8);
                        faces.add(new ExportedFace(rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                                rs.getDouble(7), person, person == null ? "none" : rs.getString(9), rs.getInt(10) == 1,
                                rs.getBoolean(11), rejections.getOrDefault(rs.getLong(1), List.of())));
                    }
                }
                if (skipped > 0) {
                    log.warn("event=export_skipped_faces reason=photo_in_managed_dir count={}", skipped);
                }
                log.info("event=assignments_exported persons={} faces={}", persons.size(), faces.size());
                return new AssignmentExport(AssignmentExport.VERSION, Instant.now().toString(), persons, faces);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new CatalogException("Cannot export the assignments of " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }
}
