package app.facet.core.catalog;

import app.facet.model.Face;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The people columns of {@code face_crops} (person, {@code assigned_by}, cluster, suggestion, "not a face"), on the
 * connection (and transaction) of a {@link PeopleTables}. Faces are read with {@link FaceRows}. Errors:
 * {@link CatalogException}.
 */
public final class FaceAssignmentStore {
    /** Best quality first: overall quality, then size, then detection score; unmeasured last; then id. */
    static final String BEST_QUALITY_ORDER =
            "coalesce(f.quality, -1) DESC, coalesce(f.face_size_px, -1) DESC, f.detection_score DESC, f.id";

    private static final String FACE_SELECT = "SELECT " + FaceRows.COLUMNS + " FROM " + FaceRows.FROM + " ";

    private final Connection c;

    FaceAssignmentStore(Connection c) {
        this.c = c;
    }

    /** The state of one face that the people actions check before changing it ({@code status} as stored). */
    public record FaceRef(long id, Long personId, String assignedBy, Long suggestedPersonId, boolean notAFace, String status) {
    }

    /**
     * The people columns of one face, as an undo snapshot keeps them.
     *
     * @param suggestionSimilarity cosine similarity, null when there is no suggestion
     * @param notAFace             0 or 1
     */
    public record PeopleColumns(long id, Long personId, String assignedBy, Long clusterId, Long suggestedPersonId,
                                Double suggestionSimilarity, int notAFace) {
    }

    /** A pending suggestion: face, suggested person and its name, cosine similarity. */
    public record SuggestionRow(long faceId, long personId, String personName, double similarity) {
    }

    /** A recognition answer for one face: the person and the cosine similarity. */
    public record Match(long faceId, long personId, double similarity) {
    }

    public Optional<FaceRef> ref(long faceId) {
        return PeopleJdbc.first(c, "SELECT id, person_id, assigned_by, suggested_person_id, not_a_face, status FROM face_crops WHERE id = ?",
                ps -> ps.setLong(1, faceId), rs -> new FaceRef(rs.getLong(1), PeopleJdbc.longOrNull(rs, 2), rs.getString(3),
                        PeopleJdbc.longOrNull(rs, 4), rs.getInt(5) == 1, rs.getString(6)));
    }

    /** @return the faces assigned to the person (not "not a face"), best quality first */
    public List<Face> facesOf(long personId) {
        return PeopleJdbc.list(c, FACE_SELECT + "WHERE f.person_id = ? AND f.not_a_face = 0 ORDER BY " + BEST_QUALITY_ORDER,
                ps -> ps.setLong(1, personId), FaceRows::map);
    }

    /** @return the faces with these ids, in no particular order; unknown ids are left out */
    public List<Face> byIds(Collection<Long> faceIds) {
        return PeopleJdbc.list(c, FACE_SELECT + "WHERE f.id" + IdList.IN, ps -> IdList.bind(ps, 1, faceIds), FaceRows::map);
    }

    /** @return the person's best face (valid ones first, then by quality); empty without faces */
    public OptionalLong bestFaceOf(long personId) {
        return PeopleJdbc.first(c, "SELECT f.id FROM face_crops f WHERE f.person_id = ? AND f.not_a_face = 0 "
                        + "ORDER BY (f.status = 'valid') DESC, " + BEST_QUALITY_ORDER + " LIMIT 1", ps -> ps.setLong(1, personId),
                rs -> rs.getLong(1)).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** @return the faces on, or suggested for, one of these persons */
    public List<Long> onOrSuggestedFor(Collection<Long> personIds) {
        return PeopleJdbc.list(c, "SELECT id FROM face_crops WHERE person_id" + IdList.IN + " OR suggested_person_id" + IdList.IN, ps -> {
            IdList.bind(ps, 1, personIds);
            IdList.bind(ps, 2, personIds);
        }, rs -> rs.getLong(1));
    }

    /**
     * Every face of {@code from} goes to {@code target}, keeping its {@code assigned_by}; so do the decisions kept in
     * {@code orphaned_decisions} (deleting the merged people would otherwise drop them by cascade).
     */
    public void moveFaces(Collection<Long> from, long target) {
        PeopleJdbc.update(c, "UPDATE face_crops SET person_id = ? WHERE person_id" + IdList.IN, ps -> {
            ps.setLong(1, target);
            IdList.bind(ps, 2, from);
        });
        PeopleJdbc.update(c, "UPDATE orphaned_decisions SET person_id = ? WHERE person_id" + IdList.IN, ps -> {
            ps.setLong(1, target);
            IdList.bind(ps, 2, from);
        });
    }

    /** Suggestions of {@code from} point at {@code target}, except on faces that refused {@code target}. */
    public void moveSuggestions(Collection<Long> from, long target) {
        PeopleJdbc.update(c, "UPDATE face_crops SET suggested_person_id = ? WHERE suggested_person_id" + IdList.IN
                + " AND NOT EXISTS (SELECT 1 FROM face_person_rejections r WHERE r.face_id = face_crops.id AND r.person_id = ?)", ps -> {
            ps.setLong(1, target);
            IdList.bind(ps, 2, from);
            ps.setLong(3, target);
        });
    }

    /** The user puts the faces on {@code target}: {@code assigned_by=user}, no cluster, no suggestion, a face again. */
    public void assignByUser(Collection<Long> faceIds, long target) {
        PeopleJdbc.update(c, "UPDATE face_crops SET person_id = ?, assigned_by = 'user', cluster_id = NULL, "
                + "suggested_person_id = NULL, suggestion_similarity = NULL, not_a_face = 0 WHERE id" + IdList.IN, ps -> {
            ps.setLong(1, target);
            IdList.bind(ps, 2, faceIds);
        });
    }

    /** "Not a face": off its person, no suggestion, no cluster. */
    public void markNotAFace(long faceId) {
        PeopleJdbc.update(c, "UPDATE face_crops SET not_a_face = 1, person_id = NULL, assigned_by = 'none', cluster_id = NULL, "
                + "suggested_person_id = NULL, suggestion_similarity = NULL WHERE id = ?", ps -> ps.setLong(1, faceId));
    }

    /** Off its person ({@code assigned_by=none}). */
    public void unassign(long faceId) {
        PeopleJdbc.update(c, "UPDATE face_crops SET person_id = NULL, assigned_by = 'none' WHERE id = ?", ps -> ps.setLong(1, faceId));
    }

    public void clearSuggestion(long faceId) {
        PeopleJdbc.update(c, "UPDATE face_crops SET suggested_person_id = NULL, suggestion_similarity = NULL WHERE id = ?",
                ps -> ps.setLong(1, faceId));
    }

    /** @return pending suggestions for unassigned faces (not "not a face"), highest similarity first */
    public List<SuggestionRow> suggestions() {
        return PeopleJdbc.list(c, "SELECT f.id, f.suggested_person_id, p.name, f.suggestion_similarity "
                        + "FROM face_crops f JOIN persons p ON p.id = f.suggested_person_id "
                        + "WHERE f.person_id IS NULL AND f.not_a_face = 0 ORDER BY f.suggestion_similarity DESC, f.id", PeopleJdbc.NONE,
                rs -> new SuggestionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDouble(4)));
    }

    /**
     * Stores a recognition run. Every statement re-checks that the face is still unknown (the user may have acted
     * meanwhile) and not refused for the person.
     *
     * @param auto    faces assigned automatically ({@code assigned_by=auto})
     * @param suggest faces given a suggestion
     * @param clear   faces whose old suggestion is dropped
     */
    public void storeRecognition(List<Match> auto, List<Match> suggest, List<Long> clear) {
        String still = " WHERE id = ? AND person_id IS NULL AND not_a_face = 0";
        String notRefused = " AND NOT EXISTS (SELECT 1 FROM face_person_rejections r WHERE r.face_id = face_crops.id AND r.person_id = ?)";
        PeopleJdbc.call(() -> {
            try (PreparedStatement assign = c.prepareStatement("UPDATE face_crops SET person_id = ?, assigned_by = 'auto', cluster_id = NULL, "
                    + "suggested_person_id = NULL, suggestion_similarity = NULL" + still + notRefused);
                 PreparedStatement suggestion = c.prepareStatement("UPDATE face_crops SET suggested_person_id = ?, suggestion_similarity = ?"
                         + still + notRefused);
                 PreparedStatement drop = c.prepareStatement("UPDATE face_crops SET suggested_person_id = NULL, suggestion_similarity = NULL" + still)) {
                for (Match m : auto) {
                    assign.setLong(1, m.personId());
                    assign.setLong(2, m.faceId());
                    assign.setLong(3, m.personId());
                    assign.addBatch();
                }
                for (Match m : suggest) {
                    suggestion.setLong(1, m.personId());
                    suggestion.setDouble(2, m.similarity());
                    suggestion.setLong(3, m.faceId());
                    suggestion.setLong(4, m.personId());
                    suggestion.addBatch();
                }
                for (long faceId : clear) {
                    drop.setLong(1, faceId);
                    drop.addBatch();
                }
                assign.executeBatch();
                suggestion.executeBatch();
                drop.executeBatch();
            }
            return null;
        });
    }

    // ---- undo snapshots ----

    /** @return the people columns of the face, empty when there is no such face */
    public Optional<PeopleColumns> peopleColumns(long faceId) {
        return PeopleJdbc.first(c, "SELECT id, person_id, assigned_by, cluster_id, suggested_person_id, suggestion_similarity, not_a_face "
                        + "FROM face_crops WHERE id = ?", ps -> ps.setLong(1, faceId),
                rs -> new PeopleColumns(rs.getLong(1), PeopleJdbc.longOrNull(rs, 2), rs.getString(3), PeopleJdbc.longOrNull(rs, 4),
                        PeopleJdbc.longOrNull(rs, 5), PeopleJdbc.doubleOrNull(rs, 6), rs.getInt(7)));
    }

    /** Writes the people columns back. @return false when the face no longer exists (its photo was deleted) */
    public boolean restore(PeopleColumns f) {
        return PeopleJdbc.update(c, "UPDATE face_crops SET person_id = ?, assigned_by = ?, cluster_id = ?, "
                + "suggested_person_id = ?, suggestion_similarity = ?, not_a_face = ? WHERE id = ?", ps -> {
            PeopleJdbc.setLong(ps, 1, f.personId());
            ps.setString(2, f.assignedBy());
            PeopleJdbc.setLong(ps, 3, f.clusterId());
            PeopleJdbc.setLong(ps, 4, f.suggestedPersonId());
            PeopleJdbc.setDouble(ps, 5, f.suggestionSimilarity());
            ps.setInt(6, f.notAFace());
            ps.setLong(7, f.id());
        }) > 0;
    }
}
