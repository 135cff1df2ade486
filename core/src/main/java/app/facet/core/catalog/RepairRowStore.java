package app.facet.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Base64;

import static app.facet.core.catalog.RepairJdbc.call;
import static app.facet.core.catalog.RepairJdbc.update;

/**
 * Removes rows for the integrity repair only after keeping them whole in {@code integrity_removed_rows} (every column
 * as JSON, BLOBs as base64 strings, plus {@code _person_name} for a face on a person) with the check and the reason;
 * and clears dangling links. Table and column names come from the schema (SQLite's own foreign-key list, or the
 * repair's constants) and are quoted as identifiers; values are bound. Runs on the caller's {@link Tx}; throws
 * {@link CatalogException} on a database error.
 */
public final class RepairRowStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RepairRowStore() {
    }

    /**
     * Copies row {@code rowId} of {@code table} into integrity_removed_rows and deletes it.
     *
     * @param backup the catalog copy made before the repair, stored relative to the library folder (recorded with the
     *               row), or null
     * @return false when the row does not exist (nothing done)
     */
    public static boolean removeKept(Tx tx, String table, long rowId, String check, String reason, String backup) {
        ObjectNode row = read(tx, table, rowId);
        if (row == null) {
            return false;
        }
        if (table.equals("face_crops") && !row.path("person_id").isNull()) {
            row.put("_person_name", RepairPersonStore.name(tx, row.path("person_id").asLong()));
        }
        update(tx, "INSERT INTO integrity_removed_rows (table_name, row_id, check_name, reason, row_json, backup_path)"
                + " VALUES (?, ?, ?, ?, ?, ?)", table, rowId, check, reason, row.toString(), backup);
        update(tx, "DELETE FROM " + quote(table) + " WHERE rowid = ?", rowId);
        return true;
    }

    /** Sets {@code table.column} of row {@code rowId} to NULL. */
    public static void clearColumn(Tx tx, String table, String column, long rowId) {
        update(tx, "UPDATE " + quote(table) + " SET " + quote(column) + " = NULL WHERE rowid = ?", rowId);
    }

    /** @return every column of the row as JSON, null when the row does not exist */
    private static ObjectNode read(Tx tx, String table, long rowId) {
        return call(() -> {
            try (PreparedStatement ps = RepairJdbc.prepare(tx, "SELECT * FROM " + quote(table) + " WHERE rowid = ?", rowId);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? json(rs) : null;
            }
        });
    }

    private static ObjectNode json(ResultSet rs) throws SQLException {
        ObjectNode row = JSON.createObjectNode();
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            String name = md.getColumnName(i);
            if (v == null) {
                row.putNull(name);
            } else if (v instanceof byte[] b) {
                row.put(name, Base64.getEncoder().encodeToString(b));
            } else if (v instanceof Integer n) {
                row.put(name, n);
            } else if (v instanceof Long n) {
                row.put(name, n);
            } else if (v instanceof Double d) {
                row.put(name, d);
            } else {
                row.put(name, v.toString());
            }
        }
        return row;
    }

    /** An SQL identifier in double quotes (embedded quotes doubled): names cannot be bound parameters. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
