package app.facet.core.people;

import app.facet.core.catalog.FaceRows;

import app.facet.model.AssignedBy;
import app.facet.model.BoundingBox;
import app.facet.model.Face;
import app.facet.model.FaceStatus;
import app.facet.model.Landmarks;
import app.facet.model.Person;
import app.facet.model.QualityLabel;
import app.facet.model.QualityMetrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads persons and faces for the people services (SQL kept in one place). */
final class PeopleRows {
    private PeopleRows() {
    }

    static final String PERSON_COLUMNS = "id, name, hidden, cover_face_id, face_count, photo_count";

    /** Best quality first: overall quality, then size, then detection score; unmeasured last. */
    static final String BEST_QUALITY_ORDER =
            "coalesce(f.quality, -1) DESC, coalesce(f.face_size_px, -1) DESC, f.detection_score DESC, f.id";

    static final String FACE_SELECT = "SELECT " + FaceRows.COLUMNS + " FROM " + FaceRows.FROM + " ";

    static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1, PeopleSnapshot.getLong(rs, 4), rs.getInt(5), rs.getInt(6));
    }

    static Optional<Person> findPerson(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PERSON_COLUMNS + " FROM persons WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(person(rs)) : Optional.empty();
            }
        }
    }

    static Person requirePerson(Connection c, long id) throws SQLException {
        return findPerson(c, id).orElseThrow(() -> new PeopleException("There is no person with id " + id + "."));
    }

    /** @param name already trimmed */
    static Optional<Person> findPersonByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PERSON_COLUMNS + " FROM persons WHERE name = ? COLLATE NOCASE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(person(rs)) : Optional.empty();
            }
        }
    }

    /** @return a trimmed, non-blank name */
    static String cleanName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new PeopleException("A person's name cannot be empty.");
        }
        if (trimmed.length() > 200) {
            throw new PeopleException("A person's name can have at most 200 characters.");
        }
        return trimmed;
    }

    static long insertPerson(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO persons(name) VALUES (?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The state of one face that the actions check before changing it. */
    record FaceRef(long id, Long personId, String assignedBy, Long suggestedPersonId, boolean notAFace, String status) {
    }

    static FaceRef requireFace(Connection c, long faceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, person_id, assigned_by, suggested_person_id, not_a_face, status FROM face_crops WHERE id = ?")) {
            ps.setLong(1, faceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new PeopleException("There is no face with id " + faceId + ".");
                }
                return new FaceRef(rs.getLong(1), PeopleSnapshot.getLong(rs, 2), rs.getString(3),
                        PeopleSnapshot.getLong(rs, 4), rs.getInt(5) == 1, rs.getString(6));
            }
        }
    }

    static List<Face> faces(PreparedStatement ps) throws SQLException {
        List<Face> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(FaceRows.map(rs));
            }
        }
        return out;
    }
}
