package app.facet.ui.session;

import app.facet.core.decisions.DecisionReview;
import app.facet.core.metadata.SidecarExport;

/**
 * The core services behind Tools → Write Names to Sidecars…, "Keep Sidecars in Sync" and Tools → Decisions Needing
 * Review…, for one open library.
 *
 * @param review   decisions kept for review (orphaned decisions, face regions from XMP) and their dismissal
 * @param sidecars writes the user's names into the photos' XMP sidecars
 */
public record MetadataServices(DecisionReview review, SidecarExport sidecars) {
}
