package app.facet.core.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The connection the integrity repair applies its changes on, each check's changes in their own
 * {@link WriteTransaction} ({@code BEGIN IMMEDIATE}); the plan is made on {@link IntegrityCheckConnections#snapshot}. Errors are {@link CatalogException}s
 * carrying the database's own message.
 */
public final class RepairConnections {
    private RepairConnections() {
    }

    /** Runs {@code work} on a new connection in auto-commit mode, open for several write transactions. */
    public static <T> T session(Catalog catalog, Function<Tx, T> work) {
        try (Connection c = catalog.connect()) {
            return work.apply(new Tx(c));
        } catch (SQLException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one write transaction on the session {@code tx} (which must have none open); everything is
     * rolled back when it throws, and the exception passes on (a database error as {@link CatalogException}).
     */
    public static <T> T writeTransaction(Tx tx, Function<Tx, T> work) {
        try {
            return WriteTransaction.run(tx.connection(), c -> work.apply(tx));
        } catch (SQLException e) {
            throw new CatalogException(e.getMessage(), e);
        }
    }
}
