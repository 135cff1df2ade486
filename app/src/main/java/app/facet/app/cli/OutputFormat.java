package app.facet.app.cli;

/** {@code --format} of listing commands. */
public enum OutputFormat {
    csv, json
}
