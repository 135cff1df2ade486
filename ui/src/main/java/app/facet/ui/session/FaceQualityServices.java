package app.facet.ui.session;

import app.facet.core.dashboard.FaceDashboard;
import app.facet.core.editor.FaceEditService;
import app.facet.core.editor.PhotoRedetector;

/**
 * The core services of the face quality dashboard and the manual crop editor, for one open library.
 *
 * @param dashboard  coverage, distributions and the face listing
 * @param editor     opens original photos for editing and saves box edits atomically; deletes faces
 * @param redetector detects the faces of one photo again
 */
public record FaceQualityServices(FaceDashboard dashboard, FaceEditService editor, PhotoRedetector redetector) {
}
