package app.facet.core.catalog;

import java.time.LocalDate;

/**
 * Which photos {@link PhotoListingStore#selectIds} returns. A photo's date is its EXIF taken-at, else its file
 * modification time (UTC).
 *
 * @param folder      only photos under this folder, recursively (absolute, normalised path text); null: every folder
 * @param from        first day, inclusive; null: open start
 * @param to          last day, inclusive; null: open end
 * @param personId    only photos with a face on this person ("not a face" rows do not count); null: any person
 * @param unknownOnly only photos with a face on no person ("not a face" rows do not count); ignored when
 *                    {@code personId} is set
 */
public record PhotoListingQuery(String folder, LocalDate from, LocalDate to, Long personId, boolean unknownOnly) {
}
