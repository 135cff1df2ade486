package app.facet.core.dashboard;

/**
 * Orders of the face listing; every order ends with the face id, so pages are stable. {@link #STATUS} orders rows
 * flagged invalid first (the stored flag, see {@link FaceDashboard#revalidate()}), then unknown, suggested, recognised,
 * named and "not a face" rows, each group by quality.
 */
public enum FaceSort {
    QUALITY, FACE_SIZE, DETECTION_SCORE, SHARPNESS, PERSON, STATUS, PHOTO, FACE_ID
}
