package app.facet.core.integrity;

import java.sql.SQLException;

import static app.facet.core.integrity.FaceRepairs.update;

/** Repair actions on person rows. */
final class PersonRepairs {
    private static final String COUNTED = "FROM face_crops WHERE person_id = ? AND not_a_face = 0";

    private PersonRepairs() {
    }

    private static long query(RepairContext ctx, String sql, long id) throws SQLException {
        String v = Queries.string(ctx.connection(), sql, id);
        return v == null ? -1 : Long.parseLong(v);
    }

    record Recount(PlannedChange planned, long personId) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            long stale = query(ctx, "SELECT face_count <> (SELECT count(*) " + COUNTED.replace("?", "persons.id") + ")"
                    + " OR photo_count <> (SELECT count(DISTINCT photo_id) " + COUNTED.replace("?", "persons.id") + ") FROM persons WHERE id = ?", personId);
            return stale == 1 ? null : "person " + personId + " counts are right now (or the person is gone)";
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE persons SET face_count = (SELECT count(*) " + COUNTED + "),"
                    + " photo_count = (SELECT count(DISTINCT photo_id) " + COUNTED + ") WHERE id = ?", personId, personId, personId);
        }
    }

    record ClearCover(PlannedChange planned, long personId, long coverFaceId) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            long cover = query(ctx, "SELECT coalesce(cover_face_id, -1) FROM persons WHERE id = ?", personId);
            return cover == coverFaceId ? null : "person " + personId + " cover changed since the plan";
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            update(ctx, "UPDATE persons SET cover_face_id = NULL WHERE id = ?", personId);
        }
    }

    /** An empty person is removed (kept in integrity_removed_rows); the database unassigns any "not a face" rows on it. */
    record RemoveEmpty(PlannedChange planned, long personId) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) throws SQLException {
            return query(ctx, "SELECT count(*) " + COUNTED, personId) == 0 && query(ctx, "SELECT 1 FROM persons WHERE id = ?", personId) == 1
                    ? null : "person " + personId + " has faces now (or is gone)";
        }

        @Override
        public void apply(RepairContext ctx) throws SQLException {
            RowBackup.remove(ctx, "persons", personId, planned.check(), "person with no faces");
        }
    }
}
