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
 */
public record AssignmentExport(int version, String exportedAt, List<ExportedPerson> persons, List<ExportedFace> faces) {
    public static final int VERSION = 1;

    public AssignmentExport {
        persons = List.copyOf(persons);
        faces = List.copyOf(faces);
    }
}
