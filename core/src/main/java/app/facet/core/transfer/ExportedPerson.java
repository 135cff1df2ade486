package app.facet.core.transfer;

/**
 * A person in an assignment export.
 *
 * @param name   the person's name (matched case-insensitively on restore)
 * @param hidden true when the user hid the person
 */
public record ExportedPerson(String name, boolean hidden) {
}
