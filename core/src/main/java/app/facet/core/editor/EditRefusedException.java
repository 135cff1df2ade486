package app.facet.core.editor;

/**
 * The crop editor will not open this file. {@link #getMessage()} is one sentence for the user; {@link #reason()} a
 * stable code for code and logs.
 */
public final class EditRefusedException extends Exception {

    public enum Reason {
        /** The file is a face crop (inside the library's managed folder, or some face row's crop_path). */
        FACE_CROP,
        /** The file is not an original photo of this library's catalog. */
        NOT_IN_CATALOG,
        /** The photo is catalogued but its file is not on disk. */
        FILE_MISSING,
        /** The photo has not been scanned for faces yet: a scan would replace any edit. */
        NOT_SCANNED,
        /** The photo could not be analysed (see its failure reason). */
        NOT_ANALYSABLE
    }

    private final Reason reason;
    private final String path;

    public EditRefusedException(Reason reason, String path, String message) {
        super(message);
        this.reason = reason;
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    /** The path that was asked for, as given. */
    public String path() {
        return path;
    }
}
