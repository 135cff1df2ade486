package app.facet.core.browse;

import app.facet.core.catalog.FaceRows;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.model.Face;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The faces of one photo with their person names, for the photo viewer. Call off the UI thread. */
public final class FaceBrowser {
    private static final String SQL = """
            SELECT f.*, p.name AS person_name
            FROM face_crops f LEFT JOIN persons p ON p.id = f.person_id
            WHERE f.photo_id = ?
            ORDER BY f.x, f.y, f.id
            """;

    private final Catalog catalog;

    public FaceBrowser(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @return every face row of the photo (invalid rows and "not a face" rows included: the caller decides how
     *         to show them), left to right; boxes in original-image pixels after EXIF orientation
     */
    public List<Face> faces(long photoId) {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, photoId);
            List<Face> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(FaceRows.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read the faces of photo " + photoId + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param faceIds face ids (any number; read in batches)
     * @return the display crop of each face that has one (faces without a crop, or no longer in the catalog, are absent)
     */
    public java.util.Map<Long, java.nio.file.Path> cropPaths(java.util.Collection<Long> faceIds) {
        java.util.Map<Long, java.nio.file.Path> out = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(faceIds));
        try (Connection c = catalog.connect()) {
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> batch = ids.subList(from, Math.min(ids.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, crop_path FROM face_crops WHERE crop_path IS NOT NULL AND id IN (" + marks + ")")) {
                    for (int i = 0; i < batch.size(); i++) {
                        ps.setLong(i + 1, batch.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), java.nio.file.Path.of(rs.getString(2)));
                        }
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read face crops from " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }
}
