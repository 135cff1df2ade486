package app.facet.core.integrity;

/**
 * One offending row (or file) shown as an example of a check's findings.
 *
 * @param subject what {@code id} and {@code path} name
 * @param id      row id in the subject's table ({@code face_crops.id}, {@code photos.id}, ...); null for files and triggers
 * @param path    the file path or trigger name involved, when there is one; null otherwise
 * @param detail  one human sentence fragment saying what is wrong with this row
 */
public record Sample(Subject subject, Long id, String path, String detail) {
}
