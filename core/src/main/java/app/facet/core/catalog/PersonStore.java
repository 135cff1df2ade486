package app.facet.core.catalog;

import app.facet.model.Person;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code persons} table, on the connection (and transaction) of a {@link PeopleTables}. Names are compared
 * case-insensitively ({@code COLLATE NOCASE}, as the unique index does). Errors: {@link CatalogException}.
 */
public final class PersonStore {
    private static final String COLUMNS = "id, name, hidden, cover_face_id, face_count, photo_count";

    private final Connection c;

    PersonStore(Connection c) {
        this.c = c;
    }

    /**
     * A whole {@code persons} row, as an undo snapshot keeps it.
     *
     * @param hidden    0 or 1
     * @param createdAt ISO-8601 UTC text as stored
     */
    public record Row(long id, String name, int hidden, Long coverFaceId, int faceCount, int photoCount, String createdAt) {
    }

    private static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1, PeopleJdbc.longOrNull(rs, 4), rs.getInt(5), rs.getInt(6));
    }

    /** @return people by name (case-insensitive), then id; hidden ones only when {@code includeHidden} */
    public List<Person> list(boolean includeHidden) {
        return PeopleJdbc.list(c, "SELECT " + COLUMNS + " FROM persons" + (includeHidden ? "" : " WHERE hidden = 0")
                + " ORDER BY name COLLATE NOCASE, id", PeopleJdbc.NONE, PersonStore::person);
    }

    /** @return every person in id order */
    public List<Person> all() {
        return PeopleJdbc.list(c, "SELECT " + COLUMNS + " FROM persons ORDER BY id", PeopleJdbc.NONE, PersonStore::person);
    }

    public Optional<Person> find(long id) {
        return PeopleJdbc.first(c, "SELECT " + COLUMNS + " FROM persons WHERE id = ?", ps -> ps.setLong(1, id), PersonStore::person);
    }

    /** @param name compared as given (trim it first), case-insensitively */
    public Optional<Person> findByName(String name) {
        return PeopleJdbc.first(c, "SELECT " + COLUMNS + " FROM persons WHERE name = ? COLLATE NOCASE", ps -> ps.setString(1, name),
                PersonStore::person);
    }

    /** @return the id of the new person; fails on a name taken (case-insensitive) */
    public long insert(String name, boolean hidden) {
        return PeopleJdbc.call(() -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO persons (name, hidden) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setInt(2, hidden ? 1 : 0);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public void rename(long id, String name) {
        PeopleJdbc.update(c, "UPDATE persons SET name = ? WHERE id = ?", ps -> {
            ps.setString(1, name);
            ps.setLong(2, id);
        });
    }

    public void setHidden(long id, boolean hidden) {
        PeopleJdbc.update(c, "UPDATE persons SET hidden = ? WHERE id = ?", ps -> {
            ps.setInt(1, hidden ? 1 : 0);
            ps.setLong(2, id);
        });
    }

    /** @param faceId the cover face, or null for none (the best-quality face is shown then) */
    public void setCover(long id, Long faceId) {
        PeopleJdbc.update(c, "UPDATE persons SET cover_face_id = ? WHERE id = ?", ps -> {
            PeopleJdbc.setLong(ps, 1, faceId);
            ps.setLong(2, id);
        });
    }

    /** Deletes the persons; the catalog's triggers unassign their faces and drop their refusals. */
    public void delete(Collection<Long> ids) {
        PeopleJdbc.update(c, "DELETE FROM persons WHERE id" + IdList.IN, ps -> IdList.bind(ps, 1, ids));
    }

    /** @return the persons whose cover is one of these faces */
    public List<Long> withCoverIn(Collection<Long> faceIds) {
        return PeopleJdbc.list(c, "SELECT id FROM persons WHERE cover_face_id" + IdList.IN, ps -> IdList.bind(ps, 1, faceIds),
                rs -> rs.getLong(1));
    }

    /** No person keeps this face as cover. */
    public void clearCover(long faceId) {
        PeopleJdbc.update(c, "UPDATE persons SET cover_face_id = NULL WHERE cover_face_id = ?", ps -> ps.setLong(1, faceId));
    }

    /** No person but {@code keep} keeps one of these faces as cover. */
    public void clearCoverExcept(long keep, Collection<Long> faceIds) {
        PeopleJdbc.update(c, "UPDATE persons SET cover_face_id = NULL WHERE id <> ? AND cover_face_id" + IdList.IN, ps -> {
            ps.setLong(1, keep);
            IdList.bind(ps, 2, faceIds);
        });
    }

    /** The person stops having this face as cover, if it had. */
    public void clearCoverIf(long personId, long faceId) {
        PeopleJdbc.update(c, "UPDATE persons SET cover_face_id = NULL WHERE id = ? AND cover_face_id = ?", ps -> {
            ps.setLong(1, personId);
            ps.setLong(2, faceId);
        });
    }

    // ---- undo snapshots ----

    /** @return the whole row, empty when there is no such person */
    public Optional<Row> row(long id) {
        return PeopleJdbc.first(c, "SELECT id, name, hidden, cover_face_id, face_count, photo_count, created_at FROM persons WHERE id = ?",
                ps -> ps.setLong(1, id), rs -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), PeopleJdbc.longOrNull(rs, 4),
                        rs.getInt(5), rs.getInt(6), rs.getString(7)));
    }

    /** @return another person (not {@code id}) with this name, case-insensitively */
    public Optional<Long> otherWithName(String name, long id) {
        return PeopleJdbc.first(c, "SELECT id FROM persons WHERE name = ? COLLATE NOCASE AND id <> ?", ps -> {
            ps.setString(1, name);
            ps.setLong(2, id);
        }, rs -> rs.getLong(1));
    }

    /** Writes the row back with every column: updates the person with its id, or inserts it with that id. */
    public void put(Row p) {
        boolean exists = PeopleJdbc.first(c, "SELECT 1 FROM persons WHERE id = ?", ps -> ps.setLong(1, p.id()), rs -> true).isPresent();
        String sql = exists
                ? "UPDATE persons SET name = ?, hidden = ?, cover_face_id = ?, face_count = ?, photo_count = ?, created_at = ? WHERE id = ?"
                : "INSERT INTO persons(name, hidden, cover_face_id, face_count, photo_count, created_at, id) VALUES (?, ?, ?, ?, ?, ?, ?)";
        PeopleJdbc.update(c, sql, ps -> {
            ps.setString(1, p.name());
            ps.setInt(2, p.hidden());
            PeopleJdbc.setLong(ps, 3, p.coverFaceId());
            ps.setInt(4, p.faceCount());
            ps.setInt(5, p.photoCount());
            ps.setString(6, p.createdAt());
            ps.setLong(7, p.id());
        });
    }

    /** Recomputes the cached face and photo counts of the persons from their faces (not "not a face"). */
    public void recount(Collection<Long> ids) {
        PeopleJdbc.call(() -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE persons SET "
                    + "face_count = (SELECT count(*) FROM face_crops WHERE person_id = persons.id AND not_a_face = 0), "
                    + "photo_count = (SELECT count(DISTINCT photo_id) FROM face_crops WHERE person_id = persons.id AND not_a_face = 0) "
                    + "WHERE id = ?")) {
                for (Long id : ids) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}
