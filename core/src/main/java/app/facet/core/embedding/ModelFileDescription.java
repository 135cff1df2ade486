package app.facet.core.embedding;

/** A model file Facet can locate, verify and download: identified by its SHA-256, not by its name. */
public interface ModelFileDescription {

    /** @return stable id, e.g. {@code sface-2021dec} */
    String id();

    /** @return file name inside the model folder */
    String file();

    /** @return expected SHA-256 of the file, 64 lower-case hex digits */
    String sha256();

    /** @return pinned download URL, null when the model cannot be downloaded (test-only models) */
    String url();

    /** @return expected size in bytes, null when not recorded */
    Long sizeBytes();
}
