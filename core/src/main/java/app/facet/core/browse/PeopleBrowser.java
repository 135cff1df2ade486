package app.facet.core.browse;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.model.Person;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Read-only people queries for the sidebar. Call off the UI thread. */
public final class PeopleBrowser {
    // The cover is the chosen cover face when it still has a crop, else the person's best face:
    // highest quality, then highest detection score, then the oldest row (stable between refreshes).
    private static final String PEOPLE_SQL = """
            WITH ranked AS (
                SELECT f.person_id, f.crop_path,
                       row_number() OVER (PARTITION BY f.person_id
                                          ORDER BY f.quality IS NULL, f.quality DESC, f.detection_score DESC, f.id) AS rnk
                FROM face_crops f
                WHERE f.person_id IS NOT NULL AND f.not_a_face = 0 AND f.crop_path IS NOT NULL
            )
            SELECT p.id, p.name, p.hidden, p.cover_face_id, p.face_count, p.photo_count,
                   coalesce((SELECT c.crop_path FROM face_crops c WHERE c.id = p.cover_face_id AND c.crop_path IS NOT NULL),
                            r.crop_path) AS cover
            FROM persons p
            LEFT JOIN ranked r ON r.person_id = p.id AND r.rnk = 1
            ORDER BY p.name COLLATE NOCASE, p.id
            """;

    private static final String UNKNOWN_SQL = """
            SELECT count(*), count(DISTINCT photo_id) FROM face_crops WHERE person_id IS NULL AND not_a_face = 0
            """;

    private final Catalog catalog;

    public PeopleBrowser(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @return every person, hidden ones included (the caller decides whether to show them), sorted by name */
    public List<PersonSummary> people() {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(PEOPLE_SQL);
             ResultSet rs = ps.executeQuery()) {
            List<PersonSummary> out = new ArrayList<>();
            while (rs.next()) {
                long cover = rs.getLong("cover_face_id");
                Long coverFaceId = rs.wasNull() ? null : cover;
                Person person = new Person(rs.getLong("id"), rs.getString("name"), rs.getInt("hidden") == 1, coverFaceId,
                        rs.getInt("face_count"), rs.getInt("photo_count"));
                String crop = rs.getString("cover");
                out.add(new PersonSummary(person, crop == null ? null : Path.of(crop)));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot list people in " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }

    public UnknownFaces unknown() {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(UNKNOWN_SQL);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new UnknownFaces(rs.getInt(1), rs.getInt(2));
        } catch (SQLException e) {
            throw new CatalogException("Cannot count unknown faces in " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }
}
