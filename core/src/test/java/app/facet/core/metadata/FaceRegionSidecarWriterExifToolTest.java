package app.facet.core.metadata;

import app.facet.core.testing.SharedMaterial;
import app.facet.model.BoundingBox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facet writes named faces to {@code photo.jpg.xmp}; ExifTool, as an independent reader, must find the names and the
 * regions where Facet's boxes are (IoU &ge; 0.8 after ExifTool's own rotation), other properties of an existing
 * sidecar must survive, the original's bytes must not change, and a second identical write must not touch the file.
 */
class FaceRegionSidecarWriterExifToolTest {

    @TempDir
    Path dir;

    private final FaceRegionSidecarWriter writer = new FaceRegionSidecarWriter();

    @BeforeEach
    void needExifTool() {
        ExifToolWitness.assumeAvailable();
    }

    private Path photo(int orientation) throws Exception {
        Path photo = dir.resolve("photo.jpg");
        Files.copy(SharedMaterial.photo("groups/two_people.jpg"), photo);
        if (orientation != 1) {
            ExifToolWitness.run("-q", "-overwrite_original", "-Orientation#=" + orientation, photo.toString());
        }
        return photo;
    }

    /** Two faces in Facet's space (oriented pixels), placed as fractions so they fit either orientation. */
    private static List<NamedFace> faces(PhotoGeometry g) {
        int w = g.orientedWidth(), h = g.orientedHeight();
        return List.of(new NamedFace(new BoundingBox(0.20 * w, 0.30 * h, 0.18 * w, 0.22 * h), "Ada Lovelace"),
                new NamedFace(new BoundingBox(0.60 * w, 0.35 * h, 0.15 * w, 0.20 * h), "Dee"));
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 6, 8, 3})
    void exifToolReadsBackNamesAndRegions(int orientation) throws Exception {
        Path photo = photo(orientation);
        PhotoGeometry g = ExifToolWitness.geometry(photo);
        String photoHash = ExifToolWitness.sha256(photo);
        List<NamedFace> faces = faces(g);

        SidecarWriteResult result = writer.write(photo, g, faces, SidecarWriteMode.WRITE);

        assertThat(result.status()).isEqualTo(SidecarWriteResult.Status.CREATED);
        assertThat(result.written()).isTrue();
        Path sidecar = dir.resolve("photo.jpg.xmp");
        assertThat(result.sidecar()).isEqualTo(sidecar);
        JsonNode j = ExifToolWitness.json("-XMP-mwg-rs:RegionInfo", "-XMP-iptcExt:PersonInImage", "-XMP-digiKam:TagsList", sidecar.toString());
        assertThat(texts(j.get("PersonInImage"))).containsExactlyInAnyOrder("Ada Lovelace", "Dee");
        assertThat(texts(j.get("TagsList"))).containsExactlyInAnyOrder("People/Ada Lovelace", "People/Dee");
        JsonNode dims = j.get("RegionInfo").get("AppliedToDimensions");
        assertThat(dims.get("W").asInt()).isEqualTo(g.storedWidth());
        assertThat(dims.get("H").asInt()).isEqualTo(g.storedHeight());
        for (boolean microsoft : new boolean[]{false, true}) {
            List<ExifToolWitness.Region> read = ExifToolWitness.orientedRegions(sidecar, microsoft, orientation, dir);
            assertThat(read).extracting(ExifToolWitness.Region::name).containsExactlyInAnyOrder("Ada Lovelace", "Dee");
            for (NamedFace face : faces) {
                BoundingBox back = read.stream().filter(r -> r.name().equals(face.name())).findFirst().orElseThrow()
                        .pixels(g.orientedWidth(), g.orientedHeight());
                assertThat(back.iou(face.box())).as("%s microsoft=%s: wrote %s, ExifTool reads %s", face.name(), microsoft, face.box(), back)
                        .isGreaterThanOrEqualTo(0.8);
            }
        }
        assertThat(ExifToolWitness.sha256(photo)).as("the original is never modified").isEqualTo(photoHash);

        // Facet reads its own sidecar back to the same faces (a fresh library scanning the folder)
        FaceRegionReading reading = new FaceRegionReader().read(photo, g);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.regions()).hasSize(2);
        for (NamedFace face : faces) {
            FaceRegion r = reading.regions().stream().filter(x -> face.name().equals(x.name())).findFirst().orElseThrow();
            assertThat(r.box().iou(face.box())).isGreaterThan(0.99);
            assertThat(r.location()).isEqualTo(RegionLocation.SIDECAR);
        }
    }

    @Test
    void anExistingSidecarKeepsItsKeywordRatingAndOtherToolsData() throws Exception {
        Path photo = photo(6);
        PhotoGeometry g = ExifToolWitness.geometry(photo);
        Path sidecar = dir.resolve("photo.jpg.xmp");
        // another tool's sidecar: a keyword, a rating, a digiKam tag, an unnamed face region and a pet region
        ExifToolWitness.run("-q", "-o", sidecar.toString(), "-XMP-dc:Subject=Beach", "-XMP-xmp:Rating=4",
                "-XMP-digiKam:TagsList=Places/Beach",
                "-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=" + g.storedWidth() + ",H=" + g.storedHeight() + ",Unit=pixel},RegionList=["
                        + "{Area={X=0.9,Y=0.9,W=0.05,H=0.05,Unit=normalized},Type=Face},"
                        + "{Area={X=0.1,Y=0.1,W=0.1,H=0.1,Unit=normalized},Name=Rex,Type=Pet}]}",
                photo.toString());
        String photoHash = ExifToolWitness.sha256(photo);

        SidecarWriteResult result = writer.write(photo, g, faces(g), SidecarWriteMode.WRITE);

        assertThat(result.status()).isEqualTo(SidecarWriteResult.Status.UPDATED);
        JsonNode j = ExifToolWitness.json("-XMP-dc:Subject", "-XMP-xmp:Rating", "-XMP-digiKam:TagsList", "-XMP-mwg-rs:RegionInfo", sidecar.toString());
        assertThat(texts(j.get("Subject"))).containsExactly("Beach");
        assertThat(j.get("Rating").asInt()).isEqualTo(4);
        assertThat(texts(j.get("TagsList"))).containsExactlyInAnyOrder("Places/Beach", "People/Ada Lovelace", "People/Dee");
        List<String> types = new ArrayList<>();
        j.get("RegionInfo").get("RegionList").forEach(r -> types.add(r.path("Type").asText() + ":" + r.path("Name").asText("-")));
        assertThat(types).containsExactlyInAnyOrder("Face:-", "Pet:Rex", "Face:Ada Lovelace", "Face:Dee");
        assertThat(ExifToolWitness.sha256(photo)).isEqualTo(photoHash);
    }

    @Test
    void aSecondIdenticalWriteLeavesTheFileAloneAndARenameUpdatesIt() throws Exception {
        Path photo = photo(8);
        PhotoGeometry g = ExifToolWitness.geometry(photo);
        Path sidecar = dir.resolve("photo.jpg.xmp");
        ExifToolWitness.run("-q", "-o", sidecar.toString(), "-XMP-dc:Subject=Beach", photo.toString());
        writer.write(photo, g, faces(g), SidecarWriteMode.WRITE);
        String afterFirst = ExifToolWitness.sha256(sidecar);

        SidecarWriteResult again = writer.write(photo, g, faces(g), SidecarWriteMode.WRITE);

        assertThat(again.status()).isEqualTo(SidecarWriteResult.Status.UNCHANGED);
        assertThat(again.written()).isFalse();
        assertThat(ExifToolWitness.sha256(sidecar)).isEqualTo(afterFirst);

        List<NamedFace> renamed = List.of(faces(g).get(0), new NamedFace(faces(g).get(1).box(), "Dee Dee"));
        SidecarWriteResult dry = writer.write(photo, g, renamed, SidecarWriteMode.DRY_RUN);
        assertThat(dry.status()).isEqualTo(SidecarWriteResult.Status.UPDATED);
        assertThat(dry.written()).isFalse();
        assertThat(dry.changes()).anyMatch(c -> c.startsWith("remove face region 'Dee'"))
                .anyMatch(c -> c.startsWith("add face region 'Dee Dee'"))
                .anyMatch(c -> c.equals("remove PersonInImage 'Dee'"))
                .noneMatch(c -> c.contains("Ada Lovelace"));
        assertThat(ExifToolWitness.sha256(sidecar)).as("a dry run writes nothing").isEqualTo(afterFirst);

        SidecarWriteResult real = writer.write(photo, g, renamed, SidecarWriteMode.WRITE);
        assertThat(real.written()).isTrue();
        JsonNode j = ExifToolWitness.json("-XMP-dc:Subject", "-XMP-iptcExt:PersonInImage", "-XMP-MP:RegionInfoMP", sidecar.toString());
        assertThat(texts(j.get("Subject"))).containsExactly("Beach");
        assertThat(texts(j.get("PersonInImage"))).containsExactlyInAnyOrder("Ada Lovelace", "Dee Dee");
        assertThat(ExifToolWitness.microsoftRegions(j.get("RegionInfoMP"))).extracting(ExifToolWitness.Region::name)
                .containsExactlyInAnyOrder("Ada Lovelace", "Dee Dee");
    }

    @Test
    void aDryRunOnAPhotoWithoutSidecarReportsAndCreatesNothing() throws Exception {
        Path photo = photo(1);
        PhotoGeometry g = ExifToolWitness.geometry(photo);

        SidecarWriteResult dry = writer.write(photo, g, faces(g), SidecarWriteMode.DRY_RUN);

        assertThat(dry.status()).isEqualTo(SidecarWriteResult.Status.CREATED);
        assertThat(dry.written()).isFalse();
        assertThat(dry.changes()).contains("add PersonInImage 'Dee'").anyMatch(c -> c.startsWith("add face region 'Ada Lovelace' at"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("photo.jpg");
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
