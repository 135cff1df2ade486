package app.facet.core.people;

/**
 * Renaming a person to a name another person already has (names are unique, case-insensitive).
 * The UI can offer to merge the two: {@code merge(existingPersonId(), List.of(personId))}.
 */
public class NameTakenException extends PeopleException {
    private final long existingPersonId;

    public NameTakenException(String name, long existingPersonId) {
        super("A person named \"" + name + "\" already exists; merge the two people instead of renaming.");
        this.existingPersonId = existingPersonId;
    }

    public long existingPersonId() {
        return existingPersonId;
    }
}
