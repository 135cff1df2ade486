package app.facet.core.editor;

import app.facet.core.catalog.FaceRows;

import app.facet.model.Face;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the face rows of one photo for the editor; a row whose box cannot be drawn is counted, not thrown on. */
final class PhotoFaces {
    private static final Logger log = LoggerFactory.getLogger(PhotoFaces.class);

    private static final String SQL = """
            SELECT f.*, p.name AS person_name FROM face_crops f LEFT JOIN persons p ON p.id = f.person_id
            WHERE f.photo_id = ? ORDER BY f.x, f.y, f.id""";

    record Read(List<Face> faces, int unreadable) {
    }

    private PhotoFaces() {
    }

    static Read read(Connection c, long photoId) throws SQLException {
        List<Face> faces = new ArrayList<>();
        int unreadable = 0;
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
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
        return new Read(faces, unreadable);
    }
}
