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
            return WriteTransaction.run(catalog, c -> work.apply(new Tx(c)));
        } catch (SQLException e) {
            throw new CatalogException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode. @throws CatalogException on a database error */
    public static <T> T read(Catalog catalog, String what, Function<Tx, T> work) {
        try (Connection c = catalog.connect()) {
            return work.apply(new Tx(c));
        } catch (SQLException e) {
            throw new CatalogException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Wraps a connection a store already holds (e.g. the scan's writer thread) for calls into other stores. */
    public static Tx of(Connection c) {
        return new Tx(c);
    }
}
