package app.facet.core.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code PRAGMA foreign_key_check}: rows pointing at a parent row that does not exist (written with foreign keys off). */
final class ForeignKeyCheck implements IntegrityCheck.Single {
    private static final CheckInfo INFO = new CheckInfo(CheckNames.FOREIGN_KEYS, "Rows pointing at rows that do not exist", Severity.ERROR,
            CheckMode.QUICK,
            "Repair re-links faces to their photo where it can be found (else removes them, kept in integrity_removed_rows), "
                    + "unassigns faces from missing persons, drops embeddings of unknown models and clears other dangling links.", true);

    /**
     * One violation.
     *
     * @param table  child table
     * @param rowId  child rowid
     * @param parent parent table
     * @param column child column holding the dangling reference
     * @param parentColumn parent column it should match; null for the parent's primary key (rowid)
     */
    record Violation(String table, long rowId, String parent, String column, String parentColumn) {
    }

    @Override
    public CheckInfo info() {
        return INFO;
    }

    /** Each violation stands on its own, so it needs no snapshot shared with the other checks: it runs beside them. */
    @Override
    public boolean runsBeside() {
        return true;
    }

    @Override
    public void run(CheckContext ctx, Findings findings) throws SQLException {
        for (Violation v : violations(ctx.connection())) {
            findings.add(subject(v.table()), v.rowId(), null,
                    v.table() + "." + v.column() + " of row " + v.rowId() + " points at a missing " + v.parent() + " row");
        }
        ctx.progress().advance(1);
    }

    static List<Violation> violations(Connection c) throws SQLException {
        List<Violation> out = new ArrayList<>();
        Map<String, Map<Integer, String[]>> columns = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                String table = rs.getString("table");
                long rowId = rs.getLong("rowid");
                String parent = rs.getString("parent");
                int fkId = rs.getInt("fkid");
                Map<Integer, String[]> byId = columns.get(table);
                if (byId == null) {
                    byId = fkColumns(c, table);
                    columns.put(table, byId);
                }
                String[] fromTo = byId.getOrDefault(fkId, new String[]{"?", null});
                out.add(new Violation(table, rowId, parent, fromTo[0], fromTo[1]));
            }
        }
        return out;
    }

    /** @return foreign key id to {from column, to column (null: the parent's primary key)} */
    private static Map<Integer, String[]> fkColumns(Connection c, String table) throws SQLException {
        Map<Integer, String[]> byId = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA foreign_key_list(" + RowBackup.quote(table) + ")")) {
            while (rs.next()) {
                byId.put(rs.getInt("id"), new String[]{rs.getString("from"), rs.getString("to")});
            }
        }
        return byId;
    }

    /** @return true when the row still exists and its column still points at no parent row */
    static boolean stillDangling(Connection c, Violation v) throws SQLException {
        String parentKey = v.parentColumn() == null ? "rowid" : RowBackup.quote(v.parentColumn());
        String col = "c." + RowBackup.quote(v.column());
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + RowBackup.quote(v.table()) + " c WHERE c.rowid = ? AND "
                + col + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + RowBackup.quote(v.parent()) + " p WHERE p." + parentKey + " = " + col + ")")) {
            ps.setLong(1, v.rowId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return true when {@code column} of {@code table} may hold NULL */
    static boolean nullable(Connection c, String table, String column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + RowBackup.quote(table) + ")")) {
            while (rs.next()) {
                if (rs.getString("name").equals(column)) {
                    return rs.getInt("notnull") == 0 && rs.getInt("pk") == 0;
                }
            }
        }
        return false;
    }

    static Subject subject(String table) {
        return switch (table) {
            case "face_crops" -> Subject.FACE;
            case "photos" -> Subject.PHOTO;
            case "persons" -> Subject.PERSON;
            case "scan_runs" -> Subject.SCAN_RUN;
            default -> Subject.DATABASE;
        };
    }
}
