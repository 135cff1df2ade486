package app.facet.core.scan;

import java.nio.file.Path;

/**
 * A supported image file found by the walker.
 *
 * @param path    absolute, normalised path
 * @param size    size in bytes
 * @param mtimeMs last-modified time, ms since the epoch
 */
public record FoundFile(Path path, long size, long mtimeMs) {
}
