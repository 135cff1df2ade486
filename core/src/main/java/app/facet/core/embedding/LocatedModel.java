package app.facet.core.embedding;

import java.nio.file.Path;

/**
 * A described model whose file exists and whose SHA-256 matches the description.
 *
 * @param description the description
 * @param file        absolute path of the verified file
 * @param sha256      its SHA-256 (equal to {@code description.sha256()})
 */
public record LocatedModel<D extends ModelFileDescription>(D description, Path file, String sha256) {
}
