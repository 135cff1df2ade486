package app.facet.core.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Removes rows only after keeping them whole in {@code integrity_removed_rows} (every column as JSON, BLOBs as
 * base64 strings, plus {@code _person_name} for a face on a person) with the check and the reason.
 */
final class RowBackup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowBackup() {
    }

    /**
     * Copies row {@code rowId} of {@code table} into integrity_removed_rows and deletes it.
     *
     * @return false when the row does not exist (nothing done)
     */
    static boolean remove(RepairContext ctx, String table, long rowId, String check, String reason) throws SQLException {
        Connection c = ctx.connection();
        ObjectNode row = JSON.createObjectNode();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + quote(table) + " WHERE rowid = ?")) {
            ps.setLong(1, rowId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
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
            }
        }
        if (table.equals("face_crops") && !row.path("person_id").isNull()) {
            row.put("_person_name", personName(c, row.path("person_id").asLong()));
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO integrity_removed_rows (table_name, row_id, check_name, reason,"
                + " row_json, backup_path) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement del = c.prepareStatement("DELETE FROM " + quote(table) + " WHERE rowid = ?")) {
            ins.setString(1, table);
            ins.setLong(2, rowId);
            ins.setString(3, check);
            ins.setString(4, reason);
            ins.setString(5, row.toString());
            ins.setString(6, ctx.backup() == null ? null : ctx.backup().toString());
            ins.executeUpdate();
            del.setLong(1, rowId);
            del.executeUpdate();
        }
        return true;
    }

    private static String personName(Connection c, long personId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM persons WHERE id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
