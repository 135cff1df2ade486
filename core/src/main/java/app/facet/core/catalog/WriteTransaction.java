package app.facet.core.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one way Facet runs a write transaction: {@code BEGIN IMMEDIATE}, so the write lock is taken before the first
 * read and a concurrent writer (a scan, another process) makes this one wait up to the busy timeout instead of
 * failing later on a lock upgrade ({@code SQLITE_BUSY} on a deferred transaction's first write). Any exception rolls
 * everything back. The scan's writer thread, people corrections, face edits, repair and restore all use it.
 */
public final class WriteTransaction {
    private WriteTransaction() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Opens a connection, runs {@code work} in one transaction, closes it. @throws SQLException after rolling back */
    public static <T> T run(Catalog catalog, Work<T> work) throws SQLException {
        try (Connection c = catalog.connect()) {
            return run(c, work);
        }
    }

    /**
     * Runs {@code work} in one transaction on {@code c}, which must be in auto-commit mode (no transaction open).
     *
     * @throws SQLException after rolling back; RuntimeExceptions of {@code work} pass through after rolling back
     */
    public static <T> T run(Connection c, Work<T> work) throws SQLException {
        execute(c, "BEGIN IMMEDIATE");
        try {
            T result = work.run(c);
            execute(c, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollback(c, e);
            throw e;
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            // After SQLITE_FULL or an I/O error SQLite may already have rolled back: nothing left to undo then.
            if (!c.getAutoCommit()) {
                c.rollback();
            } else {
                execute(c, "ROLLBACK");
            }
        } catch (SQLException rollback) {
            if (!String.valueOf(rollback.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(rollback);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
