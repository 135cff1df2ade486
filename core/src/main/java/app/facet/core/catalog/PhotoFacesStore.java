package app.facet.core.catalog;

import app.facet.core.rules.ManagedFolder;

import app.facet.model.Face;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the face rows of photos ({@code face_crops} with person names) for the photo viewer, the crop editor and
 * the "find people" window. Rows are mapped by {@link FaceRows}: boxes in original-image pixels after EXIF
 * orientation, a degenerate stored box as null.
 */
public final class PhotoFacesStore {
    private static final Logger log = LoggerFactory.getLogger(PhotoFacesStore.class);

    private static final String BY_PHOTO = "SELECT " + FaceRows.COLUMNS + " FROM " + FaceRows.FROM
            + " WHERE f.photo_id = ? ORDER BY f.x, f.y, f.id";

    private final Catalog catalog;

    public PhotoFacesStore(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return every face row of the photo (invalid and "not a face" rows included), left to right
     * @throws CatalogException on a database error or a row that cannot be mapped
     */
    public List<Face> faces(long photoId) {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(BY_PHOTO)) {
            ps.setLong(1, photoId);
            return FaceRows.mapAll(ps);
        } catch (SQLException e) {
            throw new CatalogException("Cannot read the faces of photo " + photoId + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #faces}, on the caller's connection, counting (and logging) rows that cannot be mapped instead of
     * failing on them.
     *
     * @throws SQLException on a database error
     */
    static FacesOfPhoto facesTolerant(Connection c, long photoId) throws SQLException {
        List<Face> faces = new ArrayList<>();
        int unreadable = 0;
        try (PreparedStatement ps = c.prepareStatement(BY_PHOTO)) {
            ps.setLong(1, photoId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        faces.add(FaceRows.map(rs));
                    } catch (RuntimeException e) {
                        unreadable++;
                        log.warn("event=face_row_not_drawable face_id={} error=\"{}\"", rs.getLong("id"), e.getMessage());
                    }
                }
            }
        }
        return new FacesOfPhoto(faces, unreadable);
    }

    /**
     * @param faceIds face ids (any number; bound as one parameter, {@link IdList})
     * @return the display crop file of each face that has one, absolute, where the library folder is now (faces
     *         without a crop, or no longer in the catalog, are absent)
     * @throws CatalogException on a database error
     */
    public Map<Long, String> cropPaths(Collection<Long> faceIds) {
        Map<Long, String> out = new HashMap<>();
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, " + ManagedFolder.sqlFile("crop_path") + " FROM face_crops WHERE crop_path IS NOT NULL AND id" + IdList.IN)) {
            IdList.bind(ps, 1, faceIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read face crops from " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }
}
