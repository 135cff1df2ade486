package app.facet.core.browse;

import app.facet.model.Person;

import java.nio.file.Path;

/**
 * One sidebar row.
 *
 * @param person    the person, with cached face and photo counts
 * @param coverCrop display crop JPEG of the cover face (the chosen cover, else the best-quality face), under the
 *                  library's managed crops folder; null when the person has no face with a crop
 */
public record PersonSummary(Person person, Path coverCrop) {
}
