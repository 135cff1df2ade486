package app.facet.core.people;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The session's undo stack, shared by {@link PeopleService}, {@link ClusterService} and
 * {@link RecognitionService} so that one "Undo" walks back through every correction in order.
 * <p>
 * Each entry keeps a snapshot of every catalog row the action touched (persons, the people columns of
 * face_crops, face_person_rejections) taken just before the action; undoing writes that snapshot back, so the
 * catalog is restored exactly. Not persisted: a new session starts with an empty history. Thread-safe.
 */
public final class UndoHistory {
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId = 1;

    record Entry(UndoableAction action, PeopleSnapshot before) {
    }

    synchronized UndoableAction push(String description, Long personId, PeopleSnapshot before) {
        UndoableAction action = new UndoableAction(nextId++, description, personId);
        entries.push(new Entry(action, before));
        return action;
    }

    synchronized Optional<Entry> pop() {
        return Optional.ofNullable(entries.poll());
    }

    synchronized void pushBack(Entry entry) {
        entries.push(entry);
    }

    /** @return true when there is something to undo */
    public synchronized boolean canUndo() {
        return !entries.isEmpty();
    }

    /** @return the action the next undo would revert */
    public synchronized Optional<UndoableAction> peek() {
        return Optional.ofNullable(entries.peek()).map(Entry::action);
    }

    /** @return the actions of this session, most recent first */
    public synchronized List<UndoableAction> actions() {
        return entries.stream().map(Entry::action).toList();
    }
}
