package app.facet.core.browse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the library grid shows. A photo's date is its EXIF taken-at, else its file modification time (UTC).
 *
 * @param folder only photos under this folder, recursively (absolute, normalised); null: every folder
 * @param from   first day shown, inclusive; null: open start
 * @param to     last day shown, inclusive; null: open end
 * @param person person filter, never null
 */
public record PhotoFilter(Path folder, LocalDate from, LocalDate to, PersonFilter person) {

    public static final PhotoFilter ALL = new PhotoFilter(null, null, null, PersonFilter.any());

    public PhotoFilter {
        Objects.requireNonNull(person, "person");
        folder = folder == null ? null : folder.toAbsolutePath().normalize();
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The end date " + to + " is before the start date " + from + ".");
        }
    }

    public PhotoFilter withFolder(Path newFolder) {
        return new PhotoFilter(newFolder, from, to, person);
    }

    public PhotoFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new PhotoFilter(folder, newFrom, newTo, person);
    }

    public PhotoFilter withPerson(PersonFilter newPerson) {
        return new PhotoFilter(folder, from, to, newPerson);
    }
}
