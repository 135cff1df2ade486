package app.facet.core.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;

/**
 * An open catalog connection as services see it: opaque, so that services can run several store calls in one
 * transaction without touching JDBC (only the store package does). Obtain one with {@link #write} (one
 * {@code BEGIN IMMEDIATE} transaction, via {@link WriteTransaction}) or {@link #read} (auto-commit reads); store
 * methods take it as their first parameter and throw {@link CatalogException} on a database error.
 */
public final class Tx {
    private final Connection connection;

    Tx(Connection connection) {
        this.connection = Objects.requireNonNull(connection);
    }

    /** The JDBC connection: for stores only. */
    Connection connection() {
        return connection;
    }

    /**
     * Runs {@code work} in one write transaction; everything it did is rolled back when it throws.
     *
     * @param what what the work does, for the error message ("rename a person")
     * @throws CatalogException on a database error, after the rollback
     */
    public static <T> T write(Catalog catalog, String what, Function<Tx, T> work) {
        try {
            return inWrite(catalog, work);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode. @throws CatalogException on a database error */
    public static <T> T read(Catalog catalog, String what, Function<Tx, T> work) {
        try {
            return inRead(catalog, work::apply);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private static CatalogException failed(String what, SQLException e) {
        return new CatalogException("Could not " + what + ": " + e.getMessage(), e);
    }

    /** Work on a {@link Tx} that may throw its own checked exception {@code X}. */
    @FunctionalInterface
    interface Work<T, X extends Exception> {
        T run(Tx tx) throws X;
    }

    /*
     * The runners themselves, for stores that report a database error in their own words (PeopleTables, EditStore):
     * the SQLException of opening, committing or rolling back is theirs to turn into a CatalogException.
     */

    /** One {@link WriteTransaction} on a new connection; any exception of {@code work} rolls it all back and passes through. */
    static <T> T inWrite(Catalog catalog, Function<Tx, T> work) throws SQLException {
        return WriteTransaction.run(catalog, c -> work.apply(new Tx(c)));
    }

    /** A new connection in auto-commit mode (each statement sees the latest commit), closed after {@code work}. */
    static <T, X extends Exception> T inRead(Catalog catalog, Work<T, X> work) throws SQLException, X {
        try (Connection c = catalog.connect()) {
            return work.run(new Tx(c));
        }
    }

    /** One read transaction on a new connection, so every statement sees the same snapshot; rolled back after {@code work}. */
    static <T, X extends Exception> T inSnapshot(Catalog catalog, Work<T, X> work) throws SQLException, X {
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            try {
                return work.run(new Tx(c));
            } finally {
                c.rollback();
            }
        }
    }

    /** Wraps a connection a store already holds (e.g. the scan's writer thread) for calls into other stores. */
    public static Tx of(Connection c) {
        return new Tx(c);
    }
}
