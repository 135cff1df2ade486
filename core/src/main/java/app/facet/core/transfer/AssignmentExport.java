package app.facet.core.transfer;

import java.util.List;

/**
 * Everything a user taught a library about who is in the photos: persons and every face's assignment. Written by
 * {@link AssignmentExporter}, read and written as CSV or JSON by {@link AssignmentFiles}, applied by {@link AssignmentRestorer}.
 *
 * @param version    format version, {@value #VERSION}
 * @param exportedAt ISO-8601 instant of the export
 * @param persons    every person, including those without faces
 * @param faces      every face of every photo outside the managed folder
 * @param noFaces    photos the user decided have no faces (version 2; empty for version 1 files)
 * @param deletedFaces faces the user deleted (empty for files written before deletions were exported)
 */
public record AssignmentExport(int version, String exportedAt, List<ExportedPerson> persons, List<ExportedFace> faces,
                               List<ExportedPhoto> noFaces, List<ExportedDeletion> deletedFaces) {
    /** Version 2 adds hand-drawn boxes ({@code manual}) and the "no faces" decisions; version 1 files are still read. */
    public static final int VERSION = 2;

    public AssignmentExport {
        persons = List.copyOf(persons);
        faces = List.copyOf(faces);
        noFaces = noFaces == null ? List.of() : List.copyOf(noFaces);
        deletedFaces = deletedFaces == null ? List.of() : List.copyOf(deletedFaces);
    }

    /** An export without deleted faces. */
    public AssignmentExport(int version, String exportedAt, List<ExportedPerson> persons, List<ExportedFace> faces,
                            List<ExportedPhoto> noFaces) {
        this(version, exportedAt, persons, faces, noFaces, List.of());
    }
}
