package app.facet.core.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The faces of one person with their embeddings and photo dates, for the person's face gallery. Faces marked
 * "not a face" are left out (they are on nobody). Errors: {@link CatalogException}.
 */
public final class PersonFaceStore {
    private static final String SELECT = "SELECT " + FaceRows.COLUMNS + ", f.embedding AS gallery_embedding, "
            + "ph.taken_at AS gallery_taken_at, ph.mtime_ms AS gallery_mtime_ms FROM " + FaceRows.FROM
            + " JOIN photos ph ON ph.id = f.photo_id WHERE f.person_id = ? AND f.not_a_face = 0 ORDER BY "
            + FaceAssignmentStore.BEST_QUALITY_ORDER;

    /** @return the faces assigned to the person, best quality first (empty for an unknown person) */
    public List<PersonFaceRow> facesOf(Tx tx, long personId) {
        try (PreparedStatement ps = tx.connection().prepareStatement(SELECT)) {
            ps.setLong(1, personId);
            List<PersonFaceRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] blob = rs.getBytes("gallery_embedding");
                    rows.add(new PersonFaceRow(FaceRows.map(rs), blob == null ? null : Embeddings.fromBytes(blob),
                            rs.getString("gallery_taken_at"), rs.getLong("gallery_mtime_ms")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new CatalogException("Could not read the faces of person " + personId + ": " + e.getMessage(), e);
        }
    }
}
