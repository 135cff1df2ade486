package app.facet.core.catalog;

/**
 * A stored {@link MetadataReview} as the review listings show it.
 *
 * @param id         {@code metadata_reviews.id}
 * @param photoPath  the photo's path
 * @param recordedAt ISO-8601 UTC text as stored
 */
public record MetadataReviewRow(long id, MetadataReview review, String photoPath, String recordedAt) {
}
