package app.facet.core.people;

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

    static final String FACE_SELECT = "SELECT f.id, f.photo_id, f.image_path, f.crop_path, f.x, f.y, f.w, f.h, "
            + "f.lm_right_eye_x, f.lm_right_eye_y, f.lm_left_eye_x, f.lm_left_eye_y, f.lm_nose_x, f.lm_nose_y, "
            + "f.lm_mouth_right_x, f.lm_mouth_right_y, f.lm_mouth_left_x, f.lm_mouth_left_y, "
            + "f.detection_score, f.detector, f.face_size_px, f.sharpness, f.brightness, f.contrast, f.frontal_pose, "
            + "f.quality, f.quality_label, f.embedding IS NOT NULL, f.embedding_model_id, f.person_id, p.name, "
            + "f.assigned_by, f.cluster_id, f.not_a_face, f.status, f.invalid_reason "
            + "FROM face_crops f LEFT JOIN persons p ON p.id = f.person_id ";

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
                out.add(face(rs));
            }
        }
        return out;
    }

    static Face face(ResultSet rs) throws SQLException {
        BoundingBox box = new BoundingBox(rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8));
        Landmarks landmarks = null;
        rs.getDouble(9);
        if (!rs.wasNull()) {
            double[] xy = new double[10];
            for (int i = 0; i < 10; i++) {
                xy[i] = rs.getDouble(9 + i);
            }
            landmarks = Landmarks.of(xy);
        }
        QualityMetrics quality = null;
        double overall = rs.getDouble(26);
        if (!rs.wasNull()) {
            String label = rs.getString(27);
            quality = new QualityMetrics(nan(rs, 21), nan(rs, 22), nan(rs, 23), nan(rs, 24), nan(rs, 25), overall,
                    label == null ? QualityLabel.of(overall) : QualityLabel.valueOf(label.toUpperCase(Locale.ROOT)));
        }
        return new Face(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), box, landmarks,
                rs.getDouble(19), rs.getString(20), quality, rs.getInt(28) == 1, rs.getString(29),
                PeopleSnapshot.getLong(rs, 30), rs.getString(31), AssignedBy.fromSql(rs.getString(32)),
                PeopleSnapshot.getLong(rs, 33), rs.getInt(34) == 1, FaceStatus.fromSql(rs.getString(35)), rs.getString(36));
    }

    private static double nan(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
