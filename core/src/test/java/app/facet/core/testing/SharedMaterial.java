package app.facet.core.testing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The read-only photos and models in ../shared, located through the {@code facet.shared} system property. */
public final class SharedMaterial {
    private SharedMaterial() {
    }

    public static Path root() {
        String prop = System.getProperty("facet.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("../../shared");
        if (!Files.isDirectory(p.resolve("photos"))) {
            throw new IllegalStateException("Shared test material not found at " + p.toAbsolutePath()
                    + " (set -Dfacet.shared=DIR; CI has it at ../shared beside the repository)");
        }
        return p.toAbsolutePath().normalize();
    }

    public static Path photos() {
        return root().resolve("photos");
    }

    public static Path photo(String relative) {
        return photos().resolve(relative);
    }

    public static Path models() {
        return root().resolve("models");
    }

    /** One row of photos/labels.csv. @param people folder names of the people in the photo */
    public record Label(String path, int minFaces, int maxFaces, List<String> people, String notes) {
    }

    public static List<Label> labels() {
        try (Reader r = Files.newBufferedReader(photos().resolve("labels.csv"))) {
            List<Label> out = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String people = rec.get("people");
                out.add(new Label(rec.get("path"), Integer.parseInt(rec.get("min_faces")), Integer.parseInt(rec.get("max_faces")),
                        people.isBlank() ? List.of() : Arrays.asList(people.split(";")), rec.get("notes")));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read labels.csv", e);
        }
    }

    /** Copies the shared photos into {@code dir} (tests may then move, delete or add files). */
    public static Path copyPhotos(Path dir) throws IOException {
        Path src = photos();
        try (var files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                    to.toFile().setWritable(true);
                }
            }
        }
        return dir;
    }
}
