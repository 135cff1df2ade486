package app.facet.core.catalog;

import app.facet.model.BoundingBox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * SQL for {@code face_deletions} (V71): the faces the user deleted, remembered so that a re-analysis of the photo
 * brings none of them back, from a detection or from a face region. Every method runs in the caller's {@link Tx} and
 * throws {@link CatalogException} on a database error.
 */
public final class FaceDeletionStore {
    private FaceDeletionStore() {
    }

    /**
     * A face the user deleted.
     *
     * @param box            its bounding box in original-image pixels after EXIF orientation, at the time
     * @param photoWidth     the image's width after EXIF orientation then, null when unknown
     * @param photoHeight    the image's height after EXIF orientation then, null when unknown
     * @param personName     the name it had, null when it was on nobody
     * @param metadataSource its {@code metadata_source}, null when it did not come from a face region
     * @param recordedAt     when it was deleted, ISO-8601 UTC
     */
    public record DeletedFace(long id, long photoId, BoundingBox box, Integer photoWidth, Integer photoHeight,
                              String personName, String metadataSource, String recordedAt) {
    }

    /**
     * Remembers the faces {@code faceIds} as deleted by the user. Call it in the transaction that deletes them, before
     * the delete. Rows with a degenerate stored box are not remembered (they have no place to compare).
     *
     * @return faces remembered
     */
    public static int remember(Tx tx, Collection<Long> faceIds) {
        if (faceIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO face_deletions (photo_id, x, y, w, h, "
                + "photo_width, photo_height, person_name, metadata_source) SELECT f.photo_id, f.x, f.y, f.w, f.h, p.width, "
                + "p.height, pe.name, f.metadata_source FROM face_crops f JOIN photos p ON p.id = f.photo_id "
                + "LEFT JOIN persons pe ON pe.id = f.person_id WHERE f.w > 0 AND f.h > 0 AND f.id" + IdList.IN)) {
            IdList.bind(ps, 1, faceIds);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException("Could not remember the deletion of faces " + faceIds + ": " + e.getMessage(), e);
        }
    }

    /** @return the faces the user deleted from {@code photoId}, oldest first */
    public static List<DeletedFace> of(Tx tx, long photoId) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, photo_id, x, y, w, h, photo_width, "
                + "photo_height, person_name, metadata_source, recorded_at FROM face_deletions WHERE photo_id = ? ORDER BY id")) {
            ps.setLong(1, photoId);
            List<DeletedFace> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeletedFace(rs.getLong(1), rs.getLong(2), new BoundingBox(rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6)), (Integer) rs.getObject(7), (Integer) rs.getObject(8),
                            rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the deleted faces of photo " + photoId + ": " + e.getMessage(), e);
        }
    }

    /**
     * A deleted face as exported: its photo's path and content hash (SHA-256 hex, null when not hashed) with the
     * deletion (box in original-image pixels after EXIF orientation, the image's oriented size then).
     */
    public record ExportRow(String photoPath, String contentHash, DeletedFace deletion) {
    }

    /** @return every face the user deleted, with its photo, by photo path then deletion id */
    public static List<ExportRow> exportRows(Tx tx) {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT d.id, d.photo_id, d.x, d.y, d.w, d.h, "
                + "d.photo_width, d.photo_height, d.person_name, d.metadata_source, d.recorded_at, p.path, p.content_hash "
                + "FROM face_deletions d JOIN photos p ON p.id = d.photo_id ORDER BY p.path, d.id")) {
            List<ExportRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExportRow(rs.getString(12), rs.getString(13), new DeletedFace(rs.getLong(1), rs.getLong(2),
                            new BoundingBox(rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)),
                            (Integer) rs.getObject(7), (Integer) rs.getObject(8), rs.getString(9), rs.getString(10), rs.getString(11))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the deleted faces: " + e.getMessage(), e);
        }
    }

    /**
     * Records a deletion made elsewhere (a restored export) on photo {@code photoId}; {@code deletion}'s id, photo id
     * and recorded_at are not used (recorded_at is now).
     *
     * @return the new row's id
     */
    public static long record(Tx tx, long photoId, DeletedFace deletion) {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO face_deletions (photo_id, x, y, w, h, "
                + "photo_width, photo_height, person_name, metadata_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, photoId);
            ps.setDouble(2, deletion.box().x());
            ps.setDouble(3, deletion.box().y());
            ps.setDouble(4, deletion.box().w());
            ps.setDouble(5, deletion.box().h());
            ps.setObject(6, deletion.photoWidth());
            ps.setObject(7, deletion.photoHeight());
            ps.setString(8, deletion.personName());
            ps.setString(9, deletion.metadataSource());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not record a deleted face of photo " + photoId + ": " + e.getMessage(), e);
        }
    }
}
