package app.facet.core.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statement plumbing of the people and assignment stores: bound parameters only, and every {@link SQLException}
 * turned into a {@link Failure} that {@link PeopleTables} reports with the caller's sentence.
 */
final class PeopleJdbc {
    private PeopleJdbc() {
    }

    /** A database error inside a people or assignment store; {@link PeopleTables} turns it into its caller's message. */
    static final class Failure extends CatalogException {
        final SQLException sql;

        Failure(SQLException sql) {
            super(sql.getMessage(), sql);
            this.sql = sql;
        }
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Body<T> {
        T run() throws SQLException;
    }

    static final Binder NONE = ps -> {
    };

    static <T> T call(Body<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** @return every row of the query, mapped, in the order of the statement */
    static <T> List<T> list(Connection c, String sql, Binder binder, RowMapper<T> mapper) {
        return call(() -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            }
        });
    }

    /** @return the first row of the query, mapped; empty when there is none */
    static <T> Optional<T> first(Connection c, String sql, Binder binder, RowMapper<T> mapper) {
        return call(() -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** @return the number of rows changed */
    static int update(Connection c, String sql, Binder binder) {
        return call(() -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }
}
