package app.facet.core.people;

import app.facet.core.catalog.FaceAssignmentStore;
import app.facet.core.catalog.PeopleTables;
import app.facet.core.rules.PersonNames;
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

    /**
     * @return the name after the one name rule ({@link PersonNames}: trimmed, NFC, at most {@value PersonNames#MAX_LENGTH}
     * characters, no control, bidirectional override or invisible format characters)
     * @throws PeopleException when the name is blank or refused by the rule
     */
    static String cleanName(String name) {
        PersonNames.Checked checked = PersonNames.check(name);
        if (checked.refused()) {
            throw new PeopleException("A person's name is refused: " + checked.refusal() + ".");
        }
        if (checked.value() == null) {
            throw new PeopleException("A person's name cannot be empty.");
        }
        return checked.value();
    }
}
