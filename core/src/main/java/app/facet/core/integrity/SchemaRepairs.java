package app.facet.core.integrity;

import app.facet.core.catalog.RepairRowStore;
import app.facet.core.catalog.RepairSchemaStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Repair actions on the schema itself, on dangling references, and on files; and the "needs the user" marker. */
final class SchemaRepairs {
    private SchemaRepairs() {
    }

    /** Rebuilds every index from its table: fixes integrity_check messages that concern indexes only. */
    record Reindex(PlannedChange planned) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return SqliteIntegrityCheck.onlyIndexDamage(SqliteIntegrityCheck.messages(ctx.tx())) ? null : "indexes are sound now";
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairSchemaStore.reindex(ctx.tx());
        }
    }

    /** Drops a trigger that differs from the migrations (if present) and creates it as the migrations wrote it. */
    record RecreateTrigger(PlannedChange planned, String name, String createSql) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return SchemaTriggersCheck.deviations(ctx.tx()).stream().anyMatch(d -> d.name().equals(name)) ? null
                    : "trigger " + name + " is as the migrations wrote it now";
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairSchemaStore.recreateTrigger(ctx.tx(), name, createSql);
        }
    }

    /** Sets a nullable column that points at a missing parent row to NULL. */
    record ClearLink(PlannedChange planned, ForeignKeyCheck.Violation violation) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return ForeignKeyCheck.stillDangling(ctx.tx(), violation) ? null : "the reference is no longer dangling";
        }

        @Override
        public void apply(RepairContext ctx) {
            RepairRowStore.clearColumn(ctx.tx(), violation.table(), violation.column(), violation.rowId());
        }
    }

    /** Removes a row that points at a missing parent and cannot stand without it (kept in integrity_removed_rows). */
    record RemoveDangling(PlannedChange planned, ForeignKeyCheck.Violation violation) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return ForeignKeyCheck.stillDangling(ctx.tx(), violation) ? null : "the reference is no longer dangling";
        }

        @Override
        public void apply(RepairContext ctx) {
            if (violation.table().equals("face_crops")) {
                ctx.removeFace(violation.rowId(), planned.check(), planned.description());
            } else {
                ctx.removeRow(violation.table(), violation.rowId(), planned.check(), planned.description());
            }
        }
    }

    /** Moves a crop file no row refers to into backups/orphan-crops-TIME/, keeping its place under the crops folder. */
    record MoveOrphanCrop(PlannedChange planned, Path file) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            if (!Files.isRegularFile(file)) {
                return "file " + file + " is gone";
            }
            return ctx.isReferenced(file.toString()) ? "file " + file + " is referenced now" : null;
        }

        @Override
        public void apply(RepairContext ctx) throws IOException {
            Path crops = ctx.location().cropsDir();
            Path target = ctx.movedCropsDir("orphan-crops").resolve(file.startsWith(crops) ? crops.relativize(file) : file.getFileName());
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            ctx.unqueueCropDeletion(file.toString());
        }
    }

    /** A finding the repair may not decide alone; the description says what the user should do. */
    record LeaveForUser(PlannedChange planned) implements RepairAction {
        @Override
        public String staleReason(RepairContext ctx) {
            return null;
        }

        @Override
        public void apply(RepairContext ctx) {
            // nothing: the applier records the outcome as LEFT_FOR_USER
        }
    }

}
