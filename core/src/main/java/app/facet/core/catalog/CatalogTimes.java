package app.facet.core.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the ISO-8601 text timestamps the catalog stores ({@code 2024-05-01T10:00:00Z}, with or without offset). */
final class CatalogTimes {
    private static final Logger log = LoggerFactory.getLogger(CatalogTimes.class);

    private CatalogTimes() {
    }

    /** @return the instant, or null for null or an unreadable value (logged, never fatal: the photo still shows) */
    static Instant parse(String value, long photoId) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                // EXIF dates have no zone; the catalog contract reads them as UTC.
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                log.warn("event=unreadable_taken_at photo={} value={} reason={}", photoId, value, e.getMessage());
                return null;
            }
        }
    }
}
