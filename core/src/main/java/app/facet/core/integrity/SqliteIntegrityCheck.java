package app.facet.core.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** SQLite's own structural check of the file ({@code PRAGMA integrity_check}); every message it prints is a finding. */
final class SqliteIntegrityCheck implements IntegrityCheck.Single {
    /** Messages about an index only (a rebuild from its table fixes them). */
    private static final Pattern INDEX_MESSAGE = Pattern.compile(
            "(row \\d+ missing from index \\S+|wrong # of entries in index \\S+|non-unique entry in index \\S+)");

    private static final CheckInfo INFO = new CheckInfo(CheckNames.SQLITE_INTEGRITY, "SQLite file integrity", Severity.ERROR,
            CheckMode.FULL,
            "Repair rebuilds damaged indexes (REINDEX); damage to tables needs a catalog backup from the backups folder.", true);

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public boolean runsBeside() {
        return true;
    }

    @Override
    public void run(CheckContext ctx, Findings findings) throws SQLException {
        for (String message : messages(ctx.connection())) {
            findings.add(Subject.DATABASE, null, null, message);
        }
        ctx.progress().advance(1);
    }

    /** @return the messages of {@code PRAGMA integrity_check}, empty when it says "ok" */
    static List<String> messages(java.sql.Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                String m = rs.getString(1);
                if (!"ok".equals(m)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** @return true when every message concerns an index, so {@code REINDEX} repairs the file */
    static boolean onlyIndexDamage(List<String> messages) {
        return !messages.isEmpty() && messages.stream().allMatch(m -> INDEX_MESSAGE.matcher(m).find());
    }
}
