package app.facet.core.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes to the catalog during a scan. Each submitted unit runs in its own {@link WriteTransaction} on
 * the writer's connection: it commits as a whole or rolls back as a whole, so a killed or cancelled scan never
 * leaves a half-written photo. Readers use their own connections (WAL).
 */
public final class CatalogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CatalogWriter.class);

    /** A unit of catalog work: store calls on {@code tx}, inside one transaction on the writer thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx);
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "facet-catalog-writer");
        t.setDaemon(true);
        return t;
    });
    private final Connection connection;

    /** @throws CatalogException when the catalog cannot be opened for writing */
    public CatalogWriter(Catalog catalog) {
        try {
            connection = catalog.connect();
        } catch (SQLException e) {
            throw new CatalogException("Cannot open the catalog for writing: " + e.getMessage(), e);
        }
    }

    /** Queues {@code work}; the future fails with its error (a {@link CatalogException}, an SQL error) after a rollback. */
    public <T> CompletableFuture<T> submit(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return WriteTransaction.run(connection, c -> work.run(new Tx(c)));
            } catch (SQLException | RuntimeException e) {
                throw new CompletionException(e);
            }
        }, thread);
    }

    /** Runs {@code work} and waits for it. @throws CatalogException carrying the cause, after the rollback */
    public <T> T call(Work<T> work) {
        try {
            return submit(work).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CatalogException("Catalog write failed: " + cause.getMessage(), cause);
        }
    }


    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("event=writer_close_timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("event=writer_close_failed error=\"{}\"", e.getMessage());
        }
    }
}
