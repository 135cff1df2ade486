package app.facet.core.catalog;

import app.facet.model.Person;

/**
 * A person with the display crop of their cover face.
 *
 * @param person    the person, with cached face and photo counts
 * @param coverCrop path of the cover face's display crop JPEG (the chosen cover when it still has a crop, else the
 *                  best-quality face); null when the person has no face with a crop
 */
public record PersonCover(Person person, String coverCrop) {
}
