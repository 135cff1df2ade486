package app.facet.core.integrity;

/** What a sample row points at: lets a UI open the face, photo or person it names. */
public enum Subject {
    DATABASE, TRIGGER, PHOTO, FACE, PERSON, CROP_FILE, SCAN_RUN;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
