package app.facet.core.editor;

import app.facet.core.catalog.EditStore;
import app.facet.core.catalog.LibraryLocation;
import app.facet.core.catalog.PhotoScanRow;
import app.facet.core.editor.EditRefusedException.Reason;
import app.facet.model.ScanState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a file may be opened in the crop editor: only an original photo of this library's catalog, on
 * disk, already analysed. The face-crop check runs first, so that a crop is called a crop even when its file is gone.
 */
final class PhotoGate {
    private final LibraryLocation library;

    PhotoGate(LibraryLocation library) {
        this.library = library;
    }

    /** @return the catalogued photo at {@code requested} */
    PhotoScanRow admit(EditStore store, Path requested) throws EditRefusedException {
        String asked = String.valueOf(requested);
        List<String> candidates = candidates(requested);
        String name = requested.getFileName() == null ? asked : requested.getFileName().toString();
        if (insideManaged(candidates) || store.isFaceCrop(candidates)) {
            throw new EditRefusedException(Reason.FACE_CROP, asked, "\"" + name + "\" is a face crop made by Facet, not an original "
                    + "photo: open the photo it was cut from instead.");
        }
        PhotoScanRow photo = store.photoAt(candidates).orElseThrow(() -> new EditRefusedException(Reason.NOT_IN_CATALOG, asked,
                "\"" + name + "\" is not a photo of this library: add its folder and scan it before editing its faces."));
        check(photo, asked);
        return photo;
    }

    /** The photo's own checks (on disk, analysed), for a photo chosen by id. */
    void check(PhotoScanRow photo, String asked) throws EditRefusedException {
        String name = Path.of(photo.path()).getFileName().toString();
        if (photo.missing() || !Files.isRegularFile(Path.of(photo.path()))) {
            throw new EditRefusedException(Reason.FILE_MISSING, asked, "The photo \"" + name + "\" is no longer at "
                    + photo.path() + ": rescan its folder to find it again.");
        }
        if (photo.state() == ScanState.PENDING || photo.width() == null || photo.height() == null) {
            throw new EditRefusedException(Reason.NOT_SCANNED, asked, "The photo \"" + name + "\" has not been scanned for faces yet: "
                    + "scan it first, so that the scan does not replace your edits.");
        }
        if (photo.state() == ScanState.FAILED) {
            throw new EditRefusedException(Reason.NOT_ANALYSABLE, asked, "The photo \"" + name + "\" could not be analysed ("
                    + photo.failureReason() + "), so its faces cannot be edited.");
        }
    }

    /** The path as given, normalised, and its real path (symlinks resolved) when the file exists. */
    private static List<String> candidates(Path requested) {
        Set<String> out = new LinkedHashSet<>();
        try {
            Path abs = requested.toAbsolutePath().normalize();
            out.add(abs.toString());
            if (Files.exists(abs)) {
                out.add(abs.toRealPath().toString());
            }
        } catch (IOException | InvalidPathException e) {
            // the normalised path is all we can compare
        }
        return new ArrayList<>(out);
    }

    private boolean insideManaged(List<String> paths) {
        List<Path> managed = new ArrayList<>();
        managed.add(library.managedDir());
        try {
            if (Files.exists(library.managedDir())) {
                managed.add(library.managedDir().toRealPath());
            }
        } catch (IOException e) {
            // compare with the configured folder only
        }
        for (String p : paths) {
            for (Path m : managed) {
                if (Path.of(p).startsWith(m)) {
                    return true;
                }
            }
        }
        return false;
    }
}
