package app.facet.core.people;

import app.facet.core.catalog.Catalog;
import app.facet.core.catalog.CatalogException;
import app.facet.core.catalog.PeopleTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Optional;

/**
 * Runs one user correction as a transaction and registers it in the {@link UndoHistory}. The action first declares
 * which persons and faces it may change ({@link Context#before}), which snapshots them, then writes. Also the one
 * place where the people services reach the catalog, so a database error always becomes the same
 * {@link PeopleException} ("Could not …: …").
 */
final class UndoableWrites {
    private static final Logger log = LoggerFactory.getLogger(UndoableWrites.class);

    private final Catalog catalog;
    private final UndoHistory history;

    UndoableWrites(Catalog catalog, UndoHistory history) {
        this.catalog = catalog;
        this.history = history;
    }

    UndoHistory history() {
        return history;
    }

    static final class Context {
        final PeopleTables tables;
        private PeopleSnapshot snapshot;
        /** Set by an action that created a person, so that it can report it. */
        Long lastCreated;

        private Context(PeopleTables tables) {
            this.tables = tables;
        }

        /** Snapshots the rows the action may change; call once, before any write. */
        void before(Collection<Long> personIds, Collection<Long> faceIds) {
            if (snapshot != null) {
                throw new IllegalStateException("snapshot already taken");
            }
            snapshot = PeopleSnapshot.capture(tables, personIds, faceIds);
        }

        /** The action created this person: undo deletes it. */
        void created(long personId) {
            snapshot.markCreated(personId);
        }
    }

    record Done(String description, Long personId) {
    }

    @FunctionalInterface
    interface Body {
        Done run(Context ctx);
    }

    /** Reads on a new connection. @param what for the error message, e.g. "list the people" */
    <T> T read(String what, PeopleTables.Work<T> work) {
        try {
            return PeopleTables.read(catalog, "Could not " + what, work);
        } catch (CatalogException e) {
            throw new PeopleException(e.getMessage(), e.getCause());
        }
    }

    /** Writes in one transaction, not recorded for undo. @param what for the error message, e.g. "store the clusters" */
    <T> T write(String what, PeopleTables.Work<T> work) {
        try {
            return PeopleTables.write(catalog, "Could not " + what, work);
        } catch (CatalogException e) {
            throw new PeopleException(e.getMessage(), e.getCause());
        }
    }

    /**
     * @param what for the error message, e.g. "merge the people"
     */
    UndoableAction run(String what, Body body) {
        Context[] holder = new Context[1];
        Done done = write(what, t -> {
            Context ctx = new Context(t);
            holder[0] = ctx;
            Done d = body.run(ctx);
            if (ctx.snapshot == null) {
                throw new IllegalStateException("action '" + what + "' did not snapshot before writing");
            }
            return d;
        });
        UndoableAction action = history.push(done.description(), done.personId(), holder[0].snapshot);
        log.info("event=people_action id={} description=\"{}\" person={}", action.id(), action.description(), action.personId());
        return action;
    }

    Optional<UndoableAction> undo() {
        Optional<UndoHistory.Entry> entry = history.pop();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        UndoHistory.Entry e = entry.get();
        try {
            write("undo \"" + e.action().description() + "\"", t -> {
                e.before().restore(t);
                return null;
            });
        } catch (RuntimeException ex) {
            history.pushBack(e);
            throw ex;
        }
        log.info("event=people_undo id={} description=\"{}\"", e.action().id(), e.action().description());
        return Optional.of(e.action());
    }
}
