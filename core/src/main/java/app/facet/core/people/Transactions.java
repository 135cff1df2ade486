package app.facet.core.people;

import app.facet.core.catalog.Catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs catalog work in one {@code BEGIN IMMEDIATE} transaction: an action reads the rows it snapshots and then
 * writes, so it takes the write lock up front instead of failing on a lock upgrade while a scan is writing.
 */
final class Transactions {
    private Transactions() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T write(Catalog catalog, String what, Work<T> work) {
        try (Connection c = catalog.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
            }
            try {
                T result = work.run(c);
                try (Statement s = c.createStatement()) {
                    s.execute("COMMIT");
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new PeopleException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    static <T> T read(Catalog catalog, String what, Work<T> work) {
        try (Connection c = catalog.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new PeopleException("Could not " + what + ": " + e.getMessage(), e);
        }
    }
}
