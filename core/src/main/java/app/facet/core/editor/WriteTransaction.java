package app.facet.core.editor;

import app.facet.core.catalog.Catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs catalog work in one {@code BEGIN IMMEDIATE} transaction: the edit reads the rows it checks and then writes,
 * so it takes the write lock first instead of failing on a lock upgrade while a scan is writing. Any exception
 * rolls everything back.
 */
final class WriteTransaction {
    private WriteTransaction() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** @throws SQLException after rolling back; RuntimeExceptions of {@code work} pass through after rolling back */
    static <T> T run(Catalog catalog, Work<T> work) throws SQLException {
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
        }
    }
}
