package app.facet.core.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The integrity check's reads of the catalog file and schema: SQLite's integrity_check and foreign_key_check, the
 * triggers present and the migrations Flyway applied. Never writes. Throws {@link CatalogException} with the
 * database's own message on a database error.
 */
public final class IntegrityCheckSchemaStore {
    /**
     * One row pointing at a parent row that does not exist.
     *
     * @param table        child table
     * @param rowId        child rowid
     * @param parent       parent table
     * @param column       child column holding the dangling reference ("?" when SQLite does not name it)
     * @param parentColumn parent column it should match; null for the parent's primary key (rowid)
     */
    public record ForeignKeyViolation(String table, long rowId, String parent, String column, String parentColumn) {
    }

    private IntegrityCheckSchemaStore() {
    }

    /** @return the messages of {@code PRAGMA integrity_check}, empty when it says "ok" */
    public static List<String> integrityCheckMessages(Tx tx) {
        List<String> out = new ArrayList<>();
        try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                String m = rs.getString(1);
                if (!"ok".equals(m)) {
                    out.add(m);
                }
            }
        } catch (SQLException e) {
            throw IntegrityCheckStore.Jdbc.failed(e);
        }
        return out;
    }

    /** @return every violation {@code PRAGMA foreign_key_check} reports, in its order */
    public static List<ForeignKeyViolation> foreignKeyViolations(Tx tx) {
        List<ForeignKeyViolation> out = new ArrayList<>();
        Map<String, Map<Integer, String[]>> columns = new HashMap<>();
        try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                String table = rs.getString("table");
                long rowId = rs.getLong("rowid");
                String parent = rs.getString("parent");
                int fkId = rs.getInt("fkid");
                Map<Integer, String[]> byId = columns.get(table);
                if (byId == null) {
                    byId = fkColumns(tx, table);
                    columns.put(table, byId);
                }
                String[] fromTo = byId.getOrDefault(fkId, new String[]{"?", null});
                out.add(new ForeignKeyViolation(table, rowId, parent, fromTo[0], fromTo[1]));
            }
        } catch (SQLException e) {
            throw IntegrityCheckStore.Jdbc.failed(e);
        }
        return out;
    }

    /** @return foreign key id to {from column, to column (null: the parent's primary key)} */
    private static Map<Integer, String[]> fkColumns(Tx tx, String table) throws SQLException {
        Map<Integer, String[]> byId = new HashMap<>();
        // a table name cannot be a bound parameter of a PRAGMA: it is quoted as an identifier
        try (Statement st = tx.connection().createStatement();
             ResultSet rs = st.executeQuery("PRAGMA foreign_key_list(" + quote(table) + ")")) {
            while (rs.next()) {
                byId.put(rs.getInt("id"), new String[]{rs.getString("from"), rs.getString("to")});
            }
        }
        return byId;
    }

    /** @return true when the violation's row still exists and its column still points at no parent row */
    public static boolean stillDangling(Tx tx, ForeignKeyViolation v) {
        String parentKey = v.parentColumn() == null ? "rowid" : quote(v.parentColumn());
        String col = "c." + quote(v.column());
        // table and column names come from SQLite's own foreign-key list and are quoted as identifiers
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT 1 FROM " + quote(v.table()) + " c WHERE c.rowid = ? AND "
                + col + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + quote(v.parent()) + " p WHERE p." + parentKey + " = " + col + ")")) {
            ps.setLong(1, v.rowId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw IntegrityCheckStore.Jdbc.failed(e);
        }
    }

    /** @return true when {@code column} of {@code table} may hold NULL (not NOT NULL, not part of the primary key) */
    public static boolean nullable(Tx tx, String table, String column) {
        try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                if (rs.getString("name").equals(column)) {
                    return rs.getInt("notnull") == 0 && rs.getInt("pk") == 0;
                }
            }
        } catch (SQLException e) {
            throw IntegrityCheckStore.Jdbc.failed(e);
        }
        return false;
    }

    /** @return trigger name to its CREATE statement as stored in {@code sqlite_master} */
    public static Map<String, String> triggers(Tx tx) {
        Map<String, String> actual = new HashMap<>();
        try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")) {
            while (rs.next()) {
                actual.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw IntegrityCheckStore.Jdbc.failed(e);
        }
        return actual;
    }

    /** @return the file names of the SQL migration scripts Flyway applied successfully, in the order it applied them */
    public static List<String> appliedMigrationScripts(Tx tx) {
        List<String> out = new ArrayList<>();
        try (Statement st = tx.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT script FROM flyway_schema_history WHERE success = 1 AND type = 'SQL'"
                     + " ORDER BY installed_rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw IntegrityCheckStore.Jdbc.failed(e);
        }
        return out;
    }

    /** An SQL identifier in double quotes (embedded quotes doubled). */
    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
