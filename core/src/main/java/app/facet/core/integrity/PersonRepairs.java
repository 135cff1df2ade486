package app.facet.core.integrity;

import app.facet.core.catalog.RepairPersonStore;

/** Repair actions on person rows. */
final class PersonRepairs {
    private PersonRepairs() {
    }

    record Recount(PlannedChange planned, long personId) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return RepairPersonStore.countsStale(ctx.tx(), personId) ? null : "person " + personId + " counts are right now (or the person is gone)";
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairPersonStore.recount(ctx.tx(), personId);
        }
    }

    record ClearCover(PlannedChange planned, long personId, long coverFaceId) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            Long cover = RepairPersonStore.coverFaceId(ctx.tx(), personId);
            return (cover == null ? -1 : cover) == coverFaceId ? null : "person " + personId + " cover changed since the plan";
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairPersonStore.clearCover(ctx.tx(), personId);
        }
    }

    /** An empty person is removed (kept in integrity_removed_rows); the database unassigns any "not a face" rows on it. */
    record RemoveEmpty(PlannedChange planned, long personId) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return RepairPersonStore.countedFaces(ctx.tx(), personId) == 0 && RepairPersonStore.exists(ctx.tx(), personId)
                    ? null : "person " + personId + " has faces now (or is gone)";
        }

        @Override
        public void apply(RepairContext ctx) {
            ctx.removeRow("persons", personId, planned.check(), "person with no faces");
        }
    }
}
