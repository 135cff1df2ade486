package app.facet.core.people;

/**
 * One user correction, registered in the session's {@link UndoHistory}.
 *
 * @param id          position in the session history (1 = first action of the session)
 * @param description one line for the user, e.g. {@code Merged "Bob" into "Robert"}
 * @param personId    the person the action produced or kept (the merge target, the new person of a split,
 *                    the person a face went to); null when the action leaves no person (unassign, delete)
 */
public record UndoableAction(long id, String description, Long personId) {
}
