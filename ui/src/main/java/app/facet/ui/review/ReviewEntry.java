package app.facet.ui.review;

import app.facet.core.decisions.DecisionReview;

/**
 * One row of the review window: a decision kept because its face is gone, or a face region from XMP a scan could
 * not take.
 *
 * @param item      what Dismiss removes ({@code 12} or {@code m12}, as {@code facet decisions} lists it)
 * @param photoPath the photo's path
 * @param kind      what it is, for a person ("Name (face gone after an edit)", "Name in XMP conflicts" …)
 * @param person    the person or the region's name, or null
 * @param reason    one sentence
 */
public record ReviewEntry(DecisionReview.ReviewItem item, String photoPath, String kind, String person, String reason) {
}
