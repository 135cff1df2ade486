package app.facet.core.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static app.facet.core.catalog.RepairJdbc.call;

/**
 * The schema-level statements of the integrity repair: rebuilding indexes, re-creating a guard trigger, and the
 * consistent copy of the whole catalog taken before a repair. Throws {@link CatalogException} on a database error.
 */
public final class RepairSchemaStore {
    private RepairSchemaStore() {
    }

    /** Rebuilds every index from its table. */
    public static void reindex(Tx tx) {
        execute(tx, "REINDEX");
    }

    /**
     * Drops trigger {@code name} if present and runs {@code createSql}, the trigger's CREATE statement as the
     * migrations wrote it (schema text of Facet's own migrations, never user input).
     */
    public static void recreateTrigger(Tx tx, String name, String createSql) {
        execute(tx, "DROP TRIGGER IF EXISTS " + RepairRowStore.quote(name));
        execute(tx, createSql);
    }

    /**
     * Writes a consistent copy of the catalog to {@code target} ({@code VACUUM INTO}: one read transaction, so a
     * writer meanwhile cannot tear it). {@code target} must not exist.
     *
     * @throws CatalogException with the database's message when the copy cannot be written
     */
    public static void copyTo(Catalog catalog, Path target) {
        call(() -> {
            try (Connection c = catalog.connect(); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toString());
                ps.execute();
            }
            return null;
        });
    }

    private static void execute(Tx tx, String sql) {
        call(() -> {
            try (Statement st = tx.connection().createStatement()) {
                st.execute(sql);
            }
            return null;
        });
    }
}
