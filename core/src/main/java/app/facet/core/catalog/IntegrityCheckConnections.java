package app.facet.core.catalog;

import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The connections the integrity check reads through: one read snapshot (one read transaction, rolled back at the
 * end, so a scan writing meanwhile does not make the checks disagree) and, beside it, an auto-commit connection for
 * the checks whose findings stand alone (integrity_check, foreign_key_check). Both use memory-mapped reads, which cut
 * the CPU of integrity_check and of full-table scans by a third (no read() per page). Never writes.
 */
public final class IntegrityCheckConnections {
    /** SQLite's default ceiling for memory-mapped I/O (2 GiB): maps a whole catalog of that size. */
    private static final long MMAP_BYTES = 0x7fff0000L;

    private IntegrityCheckConnections() {
    }

    /**
     * Runs {@code work} on one read snapshot of the catalog; the transaction is rolled back afterwards.
     *
     * @throws CatalogException with the database's own message when the catalog cannot be opened or read
     */
    public static <T> T snapshot(Catalog catalog, Function<Tx, T> work) {
        try (Connection c = open(catalog)) {
            c.setAutoCommit(false);
            try {
                return work.apply(Tx.of(c));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} on its own auto-commit connection (for a second thread).
     *
     * @param opened told the handle before the work starts and null after it ended, so another thread can
     *               {@link #interrupt} it meanwhile
     * @throws CatalogException with the database's own message when the catalog cannot be opened
     */
    public static <T> T separate(Catalog catalog, Consumer<Tx> opened, Function<Tx, T> work) {
        try (Connection c = open(catalog)) {
            opened.accept(Tx.of(c));
            try {
                return work.apply(Tx.of(c));
            } finally {
                opened.accept(null);
            }
        } catch (SQLException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    /**
     * Interrupts the statement running on {@code tx} (from another thread): it fails with an "interrupted" error.
     *
     * @throws CatalogException when the connection is not SQLite's or is closed
     */
    public static void interrupt(Tx tx) {
        try {
            tx.connection().unwrap(SQLiteConnection.class).getDatabase().interrupt();
        } catch (SQLException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    private static Connection open(Catalog catalog) throws SQLException {
        Connection c = catalog.connect();
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA mmap_size = " + MMAP_BYTES);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
