package app.facet.core.catalog;

import app.facet.model.BoundingBox;

import java.util.Objects;

/**
 * One thing a scan could not take from a photo's face regions, kept for review ({@code metadata_reviews}).
 *
 * @param photoId the photo
 * @param faceId  the face the region matched, or null (no face, or a problem of the whole file)
 * @param kind    conflict with a decision made in Facet, region not imported, or bad metadata
 * @param name    the region's name after the name rule, or null
 * @param box     the region's bounding box in original-image pixels after EXIF orientation, or null for a whole file
 * @param source  the region's provenance ({@code sidecar IMG_1.jpg.xmp mwg-rs:RegionList[2]}) or the file's name
 * @param code    machine-readable reason, e.g. {@code named_differently}, {@code malformed_xmp}
 * @param reason  one sentence for a person
 */
public record MetadataReview(long photoId, Long faceId, Kind kind, String name, BoundingBox box, String source,
                             String code, String reason) {
    public MetadataReview {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code metadata_reviews.kind}. */
    public enum Kind {
        CONFLICT, NOT_IMPORTED, BAD_METADATA;

        public String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromSql(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
