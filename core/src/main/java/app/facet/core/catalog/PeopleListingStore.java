package app.facet.core.catalog;

import app.facet.core.rules.ManagedFolder;
import app.facet.model.Person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only listings of {@code persons} with their faces in {@code face_crops}: the sidebar's people and the faces
 * on nobody. Every method opens its own connection. Errors surface as {@link CatalogException}.
 */
public final class PeopleListingStore {
    // The cover is the chosen cover face when it still has a crop, else the person's best face:
    // highest quality, then highest detection score, then the oldest row (stable between refreshes).
    // the cover's crop file resolved against where the library folder is now (crop paths are stored relative)
    private static final String PEOPLE_SQL = "SELECT id, name, hidden, cover_face_id, face_count, photo_count, "
            + ManagedFolder.sqlFile("stored_cover") + " AS cover FROM (" + """
            WITH ranked AS (
                SELECT f.person_id, f.crop_path,
                       row_number() OVER (PARTITION BY f.person_id
                                          ORDER BY f.quality IS NULL, f.quality DESC, f.detection_score DESC, f.id) AS rnk
                FROM face_crops f
                WHERE f.person_id IS NOT NULL AND f.not_a_face = 0 AND f.crop_path IS NOT NULL
            )
            SELECT p.id, p.name, p.hidden, p.cover_face_id, p.face_count, p.photo_count,
                   coalesce((SELECT c.crop_path FROM face_crops c WHERE c.id = p.cover_face_id AND c.crop_path IS NOT NULL),
                            r.crop_path) AS stored_cover
            FROM persons p
            LEFT JOIN ranked r ON r.person_id = p.id AND r.rnk = 1
            """ + ") ORDER BY name COLLATE NOCASE, id";

    private static final String UNKNOWN_SQL = """
            SELECT count(*), count(DISTINCT photo_id) FROM face_crops WHERE person_id IS NULL AND not_a_face = 0
            """;

    private final Catalog catalog;

    public PeopleListingStore(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @return every person, hidden ones included, sorted by name (case-insensitive), then id */
    public List<PersonCover> people() {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(PEOPLE_SQL);
             ResultSet rs = ps.executeQuery()) {
            List<PersonCover> out = new ArrayList<>();
            while (rs.next()) {
                Person person = new Person(rs.getLong("id"), rs.getString("name"), rs.getInt("hidden") == 1,
                        FaceRows.longOrNull(rs, "cover_face_id"), rs.getInt("face_count"), rs.getInt("photo_count"));
                out.add(new PersonCover(person, rs.getString("cover")));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException("Cannot list people in " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }

    /** @return faces on no person ("not a face" rows excluded) and the photos holding them */
    public FaceTally unassigned() {
        try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement(UNKNOWN_SQL);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new FaceTally(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new CatalogException("Cannot count unknown faces in " + catalog.location().catalogFile() + ": " + e.getMessage(), e);
        }
    }
}
