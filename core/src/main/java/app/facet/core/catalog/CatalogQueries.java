package app.facet.core.catalog;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import app.facet.model.Landmarks;
import app.facet.model.Photo;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;
import app.facet.model.ScanState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Read-only listings of the catalog for the command line and exports, streamed row by row so that a
 * 300k-face library never sits in memory at once.
 */
public final class CatalogQueries {
    private final Catalog catalog;

    public CatalogQueries(Catalog catalog) {
        this.catalog = catalog;
    }


    /** Every face, ordered by photo path then face id. @throws CatalogException on a database error */
    public void forEachFace(Consumer<Face> sink) {
        String sql = "SELECT " + FaceRows.COLUMNS + " FROM " + FaceRows.FROM + " ORDER BY f.image_path, f.id";
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(FaceRows.map(rs));
            }
        } catch (SQLException e) {
            throw new CatalogException("Cannot list faces: " + e.getMessage(), e);
        }
    }

    /** Every photo with its face count, ordered by path. @throws CatalogException on a database error */
    public void forEachPhoto(Consumer<Photo> sink) {
        String sql = "SELECT ph.id, ph.path, ph.size_bytes, ph.mtime_ms, ph.content_hash, ph.width, ph.height, ph.taken_at, "
                + "ph.scan_state, ph.failure_reason, ph.detector, ph.embedding_model_id, ph.missing_since IS NOT NULL, "
                + "(SELECT count(*) FROM face_crops fc WHERE fc.photo_id = ph.id AND fc.not_a_face = 0) "
                + "FROM photos ph ORDER BY ph.path";
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String taken = rs.getString(8);
                sink.accept(new Photo(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7), taken == null ? null : Instant.parse(taken),
                        ScanState.fromSql(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getBoolean(13), rs.getInt(14)));
            }
        } catch (SQLException e) {
            throw new CatalogException("Cannot list photos: " + e.getMessage(), e);
        }
    }
}
