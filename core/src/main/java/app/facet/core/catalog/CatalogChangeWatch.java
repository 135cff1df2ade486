package app.facet.core.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells whether another connection (another process such as {@code facet scan}, or another part of this one) committed
 * a change to the catalog since the last look, by SQLite's {@code PRAGMA data_version}. The pragma only means
 * something when read on the same connection each time, so the watch keeps one read-only connection open until
 * {@link #close()}; it never writes and holds no transaction between looks, so it does not block checkpoints.
 * <p>
 * Cheap (one pragma, no table read): meant to be polled every second or so. Thread-safe.
 */
public final class CatalogChangeWatch implements AutoCloseable {
    private final Connection connection;
    private long seen;
    private boolean closed;

    private CatalogChangeWatch(Connection connection) throws SQLException {
        this.connection = connection;
        this.seen = dataVersion();
    }

    /**
     * Starts watching: changes committed from now on count.
     *
     * @throws CatalogException when no connection to the catalog can be opened
     */
    public static CatalogChangeWatch open(Catalog catalog) {
        Connection c = null;
        try {
            c = catalog.connect();
            return new CatalogChangeWatch(c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new CatalogException("Cannot watch the catalog " + catalog.location().catalogFile() + " for changes: "
                    + e.getMessage(), e);
        }
    }

    /**
     * @return true when some other connection committed a change since the previous call (or since {@link #open}
     *         or {@link #acknowledge()}); false when nothing changed or the watch is closed
     * @throws CatalogException when the pragma cannot be read (the catalog file is gone or locked out)
     */
    public synchronized boolean changed() {
        if (closed) {
            return false;
        }
        try {
            long now = dataVersion();
            boolean changed = now != seen;
            seen = now;
            return changed;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read the catalog's data version: " + e.getMessage(), e);
        }
    }

    /**
     * Takes every change committed so far as seen, so that the next {@link #changed()} reports only later ones. The
     * window calls it after reloading for a change of its own, so that its own writes do not make it reload twice.
     *
     * @throws CatalogException when the pragma cannot be read
     */
    public synchronized void acknowledge() {
        changed();
    }

    /** @return true once {@link #close()} ran (the library was closed: there is nothing more to watch) */
    public synchronized boolean isClosed() {
        return closed;
    }

    private long dataVersion() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // nothing was written on this connection: a failed close loses nothing
            org.slf4j.LoggerFactory.getLogger(CatalogChangeWatch.class).warn("event=change_watch_close_failed reason=\"{}\"", e.getMessage());
        }
    }
}
