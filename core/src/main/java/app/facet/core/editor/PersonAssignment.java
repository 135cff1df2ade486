package app.facet.core.editor;

/**
 * What the user said about who a box shows. Applied with the people rules: a face the user places gets
 * {@code assigned_by=user} and loses its cluster, suggestion and "not a face" mark; taking a face off a person is
 * remembered as "not this person" for that person.
 */
public sealed interface PersonAssignment {

    /** Leave the face's person as it is (a new box: on no person). */
    record Keep() implements PersonAssignment {
    }

    /** Take the face off its person. */
    record Nobody() implements PersonAssignment {
    }

    /** Put the face on this person; the save fails when the person no longer exists. */
    record Existing(long personId) implements PersonAssignment {
    }

    /** Put the face on the person with this name (trimmed, case-insensitive), created when no one has it. */
    record Named(String name) implements PersonAssignment {
        public Named {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a person's name cannot be blank");
            }
            name = name.strip();
        }
    }

    static PersonAssignment keep() {
        return new Keep();
    }

    static PersonAssignment nobody() {
        return new Nobody();
    }

    static PersonAssignment named(String name) {
        return new Named(name);
    }

    static PersonAssignment person(long personId) {
        return new Existing(personId);
    }
}
