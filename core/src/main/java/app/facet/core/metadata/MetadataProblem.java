package app.facet.core.metadata;

import java.nio.file.Path;

/**
 * One problem met while reading face regions: bad metadata is bad input, recorded with a clear sentence and never
 * thrown. The region it concerns is either dropped or kept in a corrected form, as the message says.
 *
 * @param file    the photo or sidecar whose metadata has the problem
 * @param reason  machine-readable kind
 * @param message one sentence for a person, naming the region when there is one
 */
public record MetadataProblem(Path file, Reason reason, String message) {

    public enum Reason {
        /** The file's metadata (or a sidecar) could not be read at all. */
        UNREADABLE,
        /** The XMP is not well-formed or not valid RDF. */
        MALFORMED_XMP,
        /** A region lacks a usable area (missing, not numeric, zero or negative size, unknown unit). */
        INVALID_AREA,
        /** A region extends past the image edge and was clipped to it. */
        CLIPPED,
        /** A region lies (mostly) outside the image and was dropped. */
        OUTSIDE_IMAGE,
        /** A region is too small, or as large as the whole image, to be a face; dropped. */
        ABSURD_SIZE,
        /** More regions than the cap; the rest were ignored. */
        TOO_MANY_REGIONS,
        /** A name held control, bidi-override or other invisible format characters, or was too long; the region is kept unnamed. */
        UNSAFE_NAME,
        /** AppliedToDimensions disagrees with the photo's stored size (kept; the areas are normalised). */
        DIMENSIONS_MISMATCH,
        /** The same face carries different names in two places; the higher-priority source was kept. */
        CONFLICTING_NAMES
    }

    @Override
    public String toString() {
        return reason + " " + file.getFileName() + ": " + message;
    }
}
