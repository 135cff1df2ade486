package app.facet.app.startup;

import app.facet.core.catalog.LibraryLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a library folder can be used, checked without writing anything: the folder (or, for a new library, its
 * nearest existing parent) must be a writable directory.
 */
public final class LibraryFolderCheck {
    private LibraryFolderCheck() {
    }

    /** @return one sentence saying what to change, or empty when the folder can be used */
    public static Optional<String> problem(LibraryLocation library) {
        Path root = library.root().toAbsolutePath().normalize();
        Path existing = root;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String why;
        if (existing == null) {
            why = "no part of the path exists";
        } else if (!Files.isDirectory(existing)) {
            why = existing + " is a file, not a folder";
        } else if (!Files.isWritable(existing)) {
            why = existing + " is not writable";
        } else {
            return Optional.empty();
        }
        return Optional.of("The library folder " + root + " cannot be used (" + why
                + "): choose another with --library DIR or FACET_LIBRARY, or make it writable.");
    }
}
