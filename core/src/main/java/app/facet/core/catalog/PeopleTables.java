package app.facet.core.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The people tables of one {@link Tx}: {@code persons}, the people columns of {@code face_crops} and
 * {@code face_person_rejections}, through their stores. The static runners run on {@link Tx}'s and turn every
 * database error into one {@link CatalogException} whose message is {@code failure + ": " + the database's message};
 * any other exception of the work passes through unchanged (after a rollback for {@link #write}).
 */
public final class PeopleTables {
    private final Tx tx;
    private final PersonStore persons;
    private final FaceAssignmentStore faces;
    private final RejectionStore rejections;
    private final EmbeddedFaceStore embedded;
    private final AssignmentStore assignments;

    private PeopleTables(Tx tx) {
        this.tx = tx;
        Connection c = tx.connection();
        this.persons = new PersonStore(c);
        this.faces = new FaceAssignmentStore(c);
        this.rejections = new RejectionStore(c);
        this.embedded = new EmbeddedFaceStore(c);
        this.assignments = new AssignmentStore(c);
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(PeopleTables tables);
    }

    /** Runs {@code work} on a new auto-commit connection ({@link Tx}'s; each statement sees the latest commit). */
    public static <T> T read(Catalog catalog, String failure, Work<T> work) {
        return reported(failure, () -> Tx.inRead(catalog, tx -> work.run(new PeopleTables(tx))));
    }

    /** Runs {@code work} in one read transaction, so every statement sees the same snapshot; writes nothing. */
    public static <T> T readSnapshot(Catalog catalog, String failure, Work<T> work) {
        return reported(failure, () -> Tx.inSnapshot(catalog, tx -> work.run(new PeopleTables(tx))));
    }

    /** Runs {@code work} in one {@link Tx} write transaction ({@code BEGIN IMMEDIATE}); any exception rolls it all back. */
    public static <T> T write(Catalog catalog, String failure, Work<T> work) {
        return reported(failure, () -> Tx.inWrite(catalog, tx -> work.run(new PeopleTables(tx))));
    }

    private static <T> T reported(String failure, PeopleJdbc.Body<T> run) {
        try {
            return run.run();
        } catch (SQLException e) {
            throw failed(failure, e);
        } catch (PeopleJdbc.Failure e) {
            throw failed(failure, e.sql);
        }
    }

    private static CatalogException failed(String failure, SQLException e) {
        return new CatalogException(failure + ": " + e.getMessage(), e);
    }

    public PersonStore persons() {
        return persons;
    }

    public FaceAssignmentStore faces() {
        return faces;
    }

    public RejectionStore rejections() {
        return rejections;
    }

    public EmbeddedFaceStore embedded() {
        return embedded;
    }

    public AssignmentStore assignments() {
        return assignments;
    }

    /**
     * Runs work of a reader outside this package on the same connection (and transaction) as a {@link Tx}, e.g. the
     * integrity package's {@code PhotoRoots.of}; its database errors are reported like the stores'.
     */
    public <T> T onTx(java.util.function.Function<Tx, T> work) {
        try {
            return work.apply(tx);
        } catch (CatalogException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw new PeopleJdbc.Failure(sql);
            }
            throw e;
        }
    }
}
