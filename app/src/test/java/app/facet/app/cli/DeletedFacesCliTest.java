package app.facet.app.cli;

import app.facet.model.BoundingBox;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static app.facet.app.cli.Cli.facet;
import static app.facet.app.cli.MetadataFacesCliTest.copyOf;
import static app.facet.app.cli.MetadataFacesCliTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI end to end on real photos and models: {@code facet faces remove} in library A, {@code facet export}, a new
 * library B scanning the same folder, {@code facet restore} (dry run, then for real, then again): the deleted face is gone
 * from B and stays so.
 */
class DeletedFacesCliTest {
    @TempDir
    Path tmp;

    @Test
    void aFaceRemovedInOneLibraryIsRemovedByRestoreInAnotherOnce() throws Exception {
        Path photos = copyOf(tmp, "groups/two_people.jpg", "people/joe_biden/biden.jpg");
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), file = tmp.resolve("people.csv");
        assertThat(scan(photos, a).exit()).isZero();
        List<CSVRecord> before = pairFaces(a);
        assertThat(before).hasSize(2);
        BoundingBox deleted = box(before.get(0));
        Cli.Run remove = facet("faces", "remove", before.get(0).get("face_id"), "--library", a.toString());
        assertThat(remove.exit()).as(remove.err()).isZero();

        Cli.Run export = facet("export", "--library", a.toString(), "--output", file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("With 1 deleted face");

        assertThat(scan(photos, b).exit()).isZero();
        assertThat(pairFaces(b)).hasSize(2);
        Cli.Run dry = facet("restore", file.toString(), "--dry-run", "--library", b.toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Deleted faces: 1 in the file, 1 to record, 1 face removed, 0 kept for a decision.");
        assertThat(pairFaces(b)).as("a dry run changes nothing").hasSize(2);

        Cli.Run restore = facet("restore", file.toString(), "--library", b.toString());
        assertThat(restore.exit()).as(restore.err() + restore.out()).isZero();
        assertThat(restore.out()).contains("Deleted faces: 1 in the file, 1 recorded, 1 face removed, 0 kept for a decision.");
        assertThat(pairFaces(b)).hasSize(1).noneMatch(r -> box(r).iou(deleted) >= 0.5);

        Cli.Run again = facet("restore", file.toString(), "--library", b.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 changes").contains("Deleted faces: 1 in the file, 0 recorded, 0 faces removed");
        assertThat(scan(photos, b).exit()).isZero();
        assertThat(pairFaces(b)).hasSize(1);
    }

    private static List<CSVRecord> pairFaces(Path lib) {
        Cli.Run faces = facet("faces", "--library", lib.toString());
        assertThat(faces.exit()).as(faces.err()).isZero();
        return faces.csv().stream().filter(r -> r.get("photo_path").endsWith("two_people.jpg"))
                .sorted(java.util.Comparator.comparingDouble(r -> Double.parseDouble(r.get("x")))).toList();
    }

    private static BoundingBox box(CSVRecord r) {
        return new BoundingBox(Double.parseDouble(r.get("x")), Double.parseDouble(r.get("y")), Double.parseDouble(r.get("w")),
                Double.parseDouble(r.get("h")));
    }
}
