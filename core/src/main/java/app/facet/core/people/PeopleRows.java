package app.facet.core.people;

import app.facet.core.catalog.FaceAssignmentStore;
import app.facet.core.catalog.PeopleTables;
import app.facet.model.Person;

/** The checks the people actions share: names, and persons and faces that must exist. */
final class PeopleRows {
    private PeopleRows() {
    }

    static Person requirePerson(PeopleTables t, long id) {
        return t.persons().find(id).orElseThrow(() -> new PeopleException("There is no person with id " + id + "."));
    }

    static FaceAssignmentStore.FaceRef requireFace(PeopleTables t, long faceId) {
        return t.faces().ref(faceId).orElseThrow(() -> new PeopleException("There is no face with id " + faceId + "."));
    }

    /** @return a trimmed, non-blank name */
    static String cleanName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new PeopleException("A person's name cannot be empty.");
        }
        if (trimmed.length() > 200) {
            throw new PeopleException("A person's name can have at most 200 characters.");
        }
        return trimmed;
    }
}
