package app.facet.core.dashboard;

/** Orders of the face listing; every order ends with the face id, so pages are stable. */
public enum FaceSort {
    QUALITY, FACE_SIZE, DETECTION_SCORE, SHARPNESS, PERSON, STATUS, PHOTO, FACE_ID
}
