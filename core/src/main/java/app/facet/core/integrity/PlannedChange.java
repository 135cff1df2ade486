package app.facet.core.integrity;

/**
 * One change a repair would make, exactly as it would be made.
 *
 * @param check       the check whose finding it fixes
 * @param kind        what it does
 * @param subject     what {@code id} and {@code path} name
 * @param id          row id (face, photo, person, scan run), null for files and triggers
 * @param path        file path or trigger name involved, when there is one
 * @param description one sentence: what changes, from what to what, and why it is right
 */
public record PlannedChange(String check, ChangeKind kind, Subject subject, Long id, String path, String description) {
}
