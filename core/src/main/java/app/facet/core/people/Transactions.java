package app.facet.core.people;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.WriteTransaction;

import java.sql.Connection;
import java.sql.SQLException;

/** People actions in one {@link WriteTransaction}, with errors as {@link PeopleException}s. */
final class Transactions {
    private Transactions() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T write(Catalog catalog, String what, Work<T> work) {
        try {
            return WriteTransaction.run(catalog, work::run);
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
