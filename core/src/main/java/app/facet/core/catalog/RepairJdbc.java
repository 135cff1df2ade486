package app.facet.core.catalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statement plumbing of the repair stores: bound parameters only (values through {@code setObject}, in order), every
 * {@link SQLException} turned into a {@link CatalogException} carrying the database's own message.
 */
final class RepairJdbc {
    private RepairJdbc() {
    }

    @FunctionalInterface
    interface Body<T> {
        T run() throws SQLException;
    }

    static <T> T call(Body<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    /** @return the first column of the first row as a long, 0 when there is no row */
    static long count(Tx tx, String sql, Object... args) {
        return call(() -> {
            try (PreparedStatement ps = prepare(tx, sql, args); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** @return the first column of the first row as text, null when there is no row (or the value is NULL) */
    static String string(Tx tx, String sql, Object... args) {
        return call(() -> {
            try (PreparedStatement ps = prepare(tx, sql, args); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /** @return true when the query returns a row */
    static boolean exists(Tx tx, String sql, Object... args) {
        return call(() -> {
            try (PreparedStatement ps = prepare(tx, sql, args); ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** @return the first column of every row, as longs */
    static List<Long> longs(Tx tx, String sql, Object... args) {
        return call(() -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(tx, sql, args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** @return the number of rows changed */
    static int update(Tx tx, String sql, Object... args) {
        return call(() -> {
            try (PreparedStatement ps = prepare(tx, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    static PreparedStatement prepare(Tx tx, String sql, Object... args) throws SQLException {
        PreparedStatement ps = tx.connection().prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }
}
