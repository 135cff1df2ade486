package app.facet.app.desktop;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared, read-only test photos and models (system property {@code facet.shared}, set by surefire). */
final class SharedPhotos {
    static final Path SHARED = Path.of(System.getProperty("facet.shared", "../../shared")).toAbsolutePath().normalize();
    static final Path PHOTOS = SHARED.resolve("photos");
    static final Path MODELS = SHARED.resolve("models");

    /** One row of labels.csv. */
    record Label(Path path, int minFaces, int maxFaces, List<String> people) {
    }

    private SharedPhotos() {
    }

    static List<Label> labels() throws IOException {
        try (Reader in = Files.newBufferedReader(PHOTOS.resolve("labels.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .map(SharedPhotos::label).toList();
        }
    }

    private static Label label(CSVRecord r) {
        String people = r.get("people");
        return new Label(PHOTOS.resolve(r.get("path")), Integer.parseInt(r.get("min_faces")), Integer.parseInt(r.get("max_faces")),
                people.isBlank() ? List.of() : List.of(people.split(";")));
    }
}
