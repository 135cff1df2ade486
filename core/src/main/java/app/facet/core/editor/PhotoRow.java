package app.facet.core.editor;

import app.facet.model.ScanState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The columns of a photo row the editor decides on. */
record PhotoRow(long id, String path, ScanState state, String failureReason, Integer width, Integer height, boolean missing) {

    private static final String COLUMNS = "SELECT id, path, scan_state, failure_reason, width, height, missing_since FROM photos ";

    static Optional<PhotoRow> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
        }
    }

    /** @return the photo whose path is one of {@code paths} (the first found, in that order) */
    static Optional<PhotoRow> byPath(Connection c, List<String> paths) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE path = ?")) {
            for (String p : paths) {
                ps.setString(1, p);
                Optional<PhotoRow> row = one(ps);
                if (row.isPresent()) {
                    return row;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<PhotoRow> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new PhotoRow(rs.getLong(1), rs.getString(2), ScanState.fromSql(rs.getString(3)), rs.getString(4),
                    (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getString(7) != null));
        }
    }
}
