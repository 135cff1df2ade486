package app.facet.core.integrity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A check that is one SQL query: every row it returns is a finding. The query selects three columns:
 * the row id, a path (or null) and a detail sentence.
 */
final class SqlCheck implements IntegrityCheck.Single {
    private final CheckInfo info;
    private final Subject subject;
    private final String sql;

    SqlCheck(CheckInfo info, Subject subject, String sql) {
        this.info = info;
        this.subject = subject;
        this.sql = sql;
    }

    @Override
    public CheckInfo info() {
        return info;
    }

    @Override
    public void run(CheckContext ctx, Findings findings) throws SQLException {
        try (PreparedStatement ps = ctx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                findings.add(subject, rs.wasNull() ? null : id, rs.getString(2), rs.getString(3));
            }
        }
        ctx.progress().advance(1);
    }
}
