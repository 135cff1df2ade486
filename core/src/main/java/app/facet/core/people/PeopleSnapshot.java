package app.facet.core.people;

import app.facet.core.catalog.FaceAssignmentStore;
import app.facet.core.catalog.PeopleTables;
import app.facet.core.catalog.PersonStore;
import app.facet.core.catalog.RejectionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows an action may change, as they were before it: whole {@code persons} rows (or their absence), the
 * people columns of {@code face_crops}, and every {@code face_person_rejections} row of those faces or persons.
 * {@link #restore} writes them back; the cached counts are recomputed by the catalog's triggers from the restored
 * faces, so they come back too.
 */
final class PeopleSnapshot {
    private static final Logger log = LoggerFactory.getLogger(PeopleSnapshot.class);

    /** id → row; a null value means "this person did not exist". */
    private final Map<Long, PersonStore.Row> persons = new LinkedHashMap<>();
    private final Map<Long, FaceAssignmentStore.PeopleColumns> faces = new LinkedHashMap<>();
    private final Set<Long> rejectionFaceScope = new LinkedHashSet<>();
    private final Set<Long> rejectionPersonScope = new LinkedHashSet<>();
    private final List<RejectionStore.Rejection> rejections = new ArrayList<>();

    private PeopleSnapshot() {
    }

    static PeopleSnapshot capture(PeopleTables t, Collection<Long> personIds, Collection<Long> faceIds) {
        PeopleSnapshot s = new PeopleSnapshot();
        for (long id : new LinkedHashSet<>(personIds)) {
            s.persons.put(id, t.persons().row(id).orElse(null));
        }
        for (long id : new LinkedHashSet<>(faceIds)) {
            t.faces().peopleColumns(id).ifPresent(f -> s.faces.put(id, f));
        }
        s.rejectionFaceScope.addAll(s.faces.keySet());
        s.rejectionPersonScope.addAll(s.persons.keySet());
        if (!s.rejectionFaceScope.isEmpty() || !s.rejectionPersonScope.isEmpty()) {
            s.rejections.addAll(t.rejections().within(s.rejectionFaceScope, s.rejectionPersonScope));
        }
        return s;
    }

    /** Records that the action created this person: undo deletes it. */
    void markCreated(long personId) {
        persons.putIfAbsent(personId, null);
    }

    void restore(PeopleTables t) {
        // 1. persons the action created go away first, so their names are free again (the catalog trigger
        //    unassigns any face still on them; the faces captured are rewritten below)
        for (Map.Entry<Long, PersonStore.Row> e : persons.entrySet()) {
            if (e.getValue() == null) {
                t.persons().delete(List.of(e.getKey()));
            }
        }
        // 2. persons that existed come back with every column (faces may point at them below)
        for (PersonStore.Row p : persons.values()) {
            if (p != null) {
                t.persons().otherWithName(p.name(), p.id()).ifPresent(clash -> {
                    throw new PeopleException("Cannot undo: the name \"" + p.name() + "\" now belongs to another person (id " + clash + ").");
                });
                t.persons().put(p);
            }
        }
        // 3. the people columns of every face
        for (FaceAssignmentStore.PeopleColumns f : faces.values()) {
            if (!t.faces().restore(f)) {
                // the photo was deleted since: nothing of this face is left to restore
                log.warn("event=undo_face_gone face={}", f.id());
            }
        }
        // 4. refusals exactly as they were, within the scope captured
        if (!rejectionFaceScope.isEmpty() || !rejectionPersonScope.isEmpty()) {
            t.rejections().deleteWithin(rejectionFaceScope, rejectionPersonScope);
        }
        rejections.forEach(t.rejections()::restore);
        // 5. cached counts from the restored faces (a later, unrecorded change, e.g. recognition, may have moved them)
        t.persons().recount(persons.keySet());
    }
}
